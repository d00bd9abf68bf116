import sys
sys.argv=[sys.argv[0],"127.0.0.1","14190"]
exec(open('' + __import__('os').path.join(__import__('os').path.dirname(__file__), 'record-transcript.py') + '').read().split("for l in response():\n    print(\"S: \" + l)\n")[0])
for l in response(): pass
auth = base64.b64encode(b"\0alice\0secret").decode()
cmd('AUTHENTICATE "PLAIN" "%s"' % auth)
for name, text in [("bad", 'require "fileinto";\r\nfileinto "x"\r\nkeep;\r\nfoo;\r\n'), ("p", 'if true {\r\n keep;\r\n'), ("q", 'keep "x;\r\n'), ("r",'require "nosuch";\r\n')]:
    cmd('CHECKSCRIPT {%d+}\r\n%s' % (len(text), text))
    cmd('PUTSCRIPT "%s" {%d+}\r\n%s' % (name, len(text), text))
w2='require ["vacation","vacation-seconds"];\r\nvacation :seconds 5 "x";\r\nvacation :days 0 "y";\r\n'
cmd('CHECKSCRIPT {%d+}\r\n%s' % (len(w2), w2))
cmd('PUTSCRIPT "w2" {%d+}\r\n%s' % (len(w2), w2))
cmd('SETACTIVE "w2"')
cmd('PUTSCRIPT "bad name/x" {7+}\r\nkeep;\r\n')
cmd('GETSCRIPT "bad/x"')
cmd('HAVESPACE "x" abc')
cmd('DELETESCRIPT "x" "y"')
cmd('SETACTIVE ""')
cmd('DELETESCRIPT "w2"')
cmd('LOGOUT')
