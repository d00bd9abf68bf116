require "fileinto";
if address :domain :is "cc" "sub.example.com" { fileinto "Dave"; }
