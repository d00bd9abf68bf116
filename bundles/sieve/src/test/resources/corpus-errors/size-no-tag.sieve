if size 3 { keep; }
