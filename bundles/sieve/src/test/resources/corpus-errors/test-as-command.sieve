if true { header "a" "b"; }
