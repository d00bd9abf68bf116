redirect 3;
