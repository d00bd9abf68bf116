require ["index"];
if header :last "a" "b" { keep; }
