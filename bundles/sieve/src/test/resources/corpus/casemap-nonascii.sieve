require "fileinto";
if header :contains "subject" "HÉLLO" { fileinto "Upper"; }
if header :contains "subject" "HéLLO" { fileinto "Mixed"; }
