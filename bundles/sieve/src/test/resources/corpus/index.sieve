require ["index", "fileinto", "variables"];
if header :index 2 :matches "received" "from * by*" { fileinto "second-${1}"; }
if header :index 1 :last :contains "received" "client" { fileinto "last"; }
