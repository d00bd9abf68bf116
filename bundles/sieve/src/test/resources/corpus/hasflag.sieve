require ["imap4flags", "fileinto"];
addflag "Work";
if hasflag :is "work" { fileinto "W"; }
