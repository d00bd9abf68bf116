require "fileinto";
fileinto 1;
if header :is "a" { stop; }
keep "x";
