if header :contains :is "a" "b" { keep; }
