require "fileinto";
if header :contains "subject" text:
world
.
{ fileinto "T"; }
