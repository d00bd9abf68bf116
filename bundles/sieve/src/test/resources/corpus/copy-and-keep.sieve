require "copy";
redirect :copy "a@example.net";
keep;
