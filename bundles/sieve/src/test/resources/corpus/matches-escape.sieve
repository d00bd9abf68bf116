require "fileinto";
if header :matches "x-priority" "?" { fileinto "One"; }
if header :matches "subject" "*\\[*" { fileinto "Bracket"; }
