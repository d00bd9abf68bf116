require "fileinto";
if exists ["list-id", "x-spam-score"] { fileinto "Both"; }
if exists "x-nothere" { discard; }
