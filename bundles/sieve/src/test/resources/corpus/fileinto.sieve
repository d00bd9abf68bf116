require "fileinto";
if header :contains "subject" "PATCH" { fileinto "Patches"; }
