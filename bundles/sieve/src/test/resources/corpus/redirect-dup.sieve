redirect "x@example.net";
redirect "x@example.net";
keep;
