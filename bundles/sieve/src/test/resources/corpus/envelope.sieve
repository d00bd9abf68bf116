require ["envelope", "fileinto"];
if envelope :is "from" "alice@example.com" { fileinto "Env"; }
if envelope :domain "to" "example.org" { fileinto "EnvTo"; }
