require ["fileinto", "subaddress", "envelope"];
if envelope :detail "to" "lists" { fileinto "Lists"; }
if address :user "to" "bob" { fileinto "Bob"; }
