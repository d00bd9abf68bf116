require ["body", "fileinto"];
if body :content "text/html" :contains "<b>numbers</b>" { fileinto "Html"; }
if body :content "application" :contains "secret" { fileinto "App"; }
