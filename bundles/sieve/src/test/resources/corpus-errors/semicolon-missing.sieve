require "fileinto"
keep;
