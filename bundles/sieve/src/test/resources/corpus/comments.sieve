/* bracket
 comment */ require "fileinto"; # hash
if true { fileinto "C"; } # end
