require ["date", "fileinto", "relational"];
if date :originalzone "date" "date" "2026-03-02" { fileinto "Orig"; }
if date :zone "+0000" "date" "date" "2026-03-03" { fileinto "Utc"; }
if date :value "ge" :originalzone "date" "hour" "23" { fileinto "Late"; }
if date :zone "+0000" "date" "weekday" "2" { fileinto "Tuesday"; }
