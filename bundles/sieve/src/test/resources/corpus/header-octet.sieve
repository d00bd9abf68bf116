require "fileinto";
if header :comparator "i;octet" :contains "subject" "WORLD" { fileinto "Octet"; } elsif header :contains "subject" "WORLD" { fileinto "Casemap"; }
