require ["fileinto", "variables"];
set :length "n" "hello";
set :upper "u" "mixed";
set :quotewildcard "q" "a*b?";
fileinto "${n}-${u}-${q}";
