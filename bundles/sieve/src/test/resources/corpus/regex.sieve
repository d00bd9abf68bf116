require ["regex", "fileinto", "variables"];
if header :regex "subject" "\\[PATCH ([0-9]+)/([0-9]+)\\]" { fileinto "patch-${1}-of-${2}"; }
