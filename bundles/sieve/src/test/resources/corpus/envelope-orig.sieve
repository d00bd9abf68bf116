require ["envelope", "fileinto", "variables"];
if envelope :matches "to" "*" { fileinto "to-${1}"; }
if envelope :localpart :matches "from" "*" { fileinto "from-${1}"; }
