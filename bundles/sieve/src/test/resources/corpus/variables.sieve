require ["fileinto", "variables"];
if header :matches "list-id" "*<*.*>" { fileinto "lists.${2}"; }
set :upperfirst "name" "tegami";
fileinto "x-${name}";
