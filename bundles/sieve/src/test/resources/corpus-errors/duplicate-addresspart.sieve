if address :localpart :domain "a" "b" { keep; }
