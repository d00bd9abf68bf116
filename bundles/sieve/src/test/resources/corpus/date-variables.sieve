require ["date", "fileinto", "variables"];
if date :matches :zone "+0100" "date" "iso8601" "*" { fileinto "${1}"; }
if date :matches :originalzone "date" "std11" "*" { fileinto "${0}"; }
if date :matches :originalzone "date" "zone" "*" { fileinto "z${0}"; }
if date :matches :zone "+0000" "date" "julian" "*" { fileinto "mjd${0}"; }
