require "fileinto";
if header :matches "subject" "h?llo *" { fileinto "Q"; }
