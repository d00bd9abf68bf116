if header "a" { keep; }
