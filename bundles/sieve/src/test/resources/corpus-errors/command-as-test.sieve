if keep { }
