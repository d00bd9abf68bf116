require ["imap4flags", "fileinto"];
addflag "A";
fileinto "one";
removeflag "A";
addflag "B";
fileinto "two";
