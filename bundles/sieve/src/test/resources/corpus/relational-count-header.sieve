require ["relational", "comparator-i;ascii-numeric", "fileinto"];
if header :count "eq" :comparator "i;ascii-numeric" "to" "1" { fileinto "OneTo"; }
if header :count "eq" :comparator "i;ascii-numeric" "x-none" "0" { fileinto "NoneZero"; }
