require "fileinto";
if true { if false { discard; } elsif true { if anyof(false, not false) { fileinto "Deep"; } } }
