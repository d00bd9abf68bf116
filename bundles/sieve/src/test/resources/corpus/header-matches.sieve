require "fileinto";
if header :matches "subject" "*world*" { fileinto "M"; } else { discard; }
