require "fileinto";
if address :localpart :is ["to","cc"] "carol" { fileinto "Carol"; }
