require "envelope";
if envelope "cc" "x" { keep; }
