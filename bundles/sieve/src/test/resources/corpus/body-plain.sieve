require ["body", "fileinto"];
if body :contains "this is the body" { fileinto "B"; }
