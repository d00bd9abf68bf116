require ["body"];
if body :content "text" :raw "b" { keep; }
