require ["editheader", "fileinto"];
addheader "X-Test" "one";
deleteheader "subject";
if header :is "x-test" "one" { fileinto "Edited"; }
if not exists "subject" { fileinto "NoSubject"; }
