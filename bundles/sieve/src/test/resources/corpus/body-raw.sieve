require ["body", "fileinto"];
if body :raw :contains "r=E9sum=E9" { fileinto "Raw"; }
if body :raw :contains "résumé" { fileinto "NotRaw"; }
