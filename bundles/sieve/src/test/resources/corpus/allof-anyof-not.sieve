require "fileinto";
if allof (header :contains "x-spam-flag" "yes", not header :is "from" "x") { fileinto "Junk"; }
if anyof (false, true) { keep; }
