if header ["a", 3] "b" { keep; }
