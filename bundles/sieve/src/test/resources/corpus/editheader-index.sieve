require ["editheader", "index", "fileinto", "variables"];
addheader :last "Received" "protected";
deleteheader :index 1 "received";
if header :index 1 :matches "received" "from * by*" { fileinto "first-${1}"; }
addheader "X-A" "1";
addheader "X-A" "2";
addheader :last "X-A" "3";
if header :index 1 :is "x-a" "2" { fileinto "top2"; }
deleteheader :index 1 :last "x-a";
if header :index 1 :last :is "x-a" "1" { fileinto "last1"; }
deleteheader :contains "x-a" "2";
if header :index 1 :is "x-a" "1" { fileinto "only1"; }
