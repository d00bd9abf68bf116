foo;
keep;
bar "x";
