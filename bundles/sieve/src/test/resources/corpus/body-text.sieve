require ["body", "fileinto"];
if body :contains "résumé" { fileinto "Resume"; }
if body :contains "secret payload" { fileinto "Never"; }
