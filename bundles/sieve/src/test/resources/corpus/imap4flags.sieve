require ["imap4flags", "fileinto"];
addflag ["\\Seen $Label1", "Junk \\seen"];
fileinto "A";
removeflag "$label1";
keep;
