require "fileinto";
if address :all :is "to" "" { fileinto "Empty"; }
if address :domain :is "from" "spam.example" { fileinto "Spamdom"; }
