require "fileinto";
if header :is "subject" "héllo world [PATCH 3/7]" { fileinto "Decoded"; }
