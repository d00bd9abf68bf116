require "fileinto";
if header :contains "x-missing" "" { fileinto "Never"; }
if not header :matches "x-missing" "*" { fileinto "Missing"; }
