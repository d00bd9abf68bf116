"""Drives a ManageSieve server with the comparison sequence; prints the transcript (C:/S: lines)."""
import socket, sys, base64, time
host, port = sys.argv[1], int(sys.argv[2])
s = socket.create_connection((host, port)); s.settimeout(3)
buf = b""
def readline():
    global buf
    while b"\r\n" not in buf:
        d = s.recv(65536)
        if not d: raise EOFError
        buf += d
    l, buf = buf.split(b"\r\n", 1)
    return l.decode("utf-8", "replace")
def response():
    """Reads lines until OK/NO/BYE; literals {n} are read whole."""
    global buf
    out = []
    while True:
        l = readline()
        out.append(l)
        if l.endswith("}") and "{" in l:
            n = int(l[l.rindex("{")+1:-1].rstrip("+"))
            while len(buf) < n:
                buf += s.recv(65536)
            lit, buf = buf[:n], buf[n:]
            out.append(lit.decode("utf-8", "replace").replace("\r\n", "\\r\\n"))
            if l.split(" ")[0] in ("OK", "NO", "BYE"):
                readline()
                return out
            continue
        if l.split(" ")[0] in ("OK", "NO", "BYE"):
            return out
def cmd(text, show=None):
    print("C: " + (show or text.replace("\r\n", "\\r\\n")))
    s.sendall(text.encode() + b"\r\n")
    for l in response():
        print("S: " + l)
for l in response():
    print("S: " + l)
auth = base64.b64encode(b"\0alice\0secret").decode()
cmd('AUTHENTICATE "PLAIN" "%s"' % auth)
cmd("CAPABILITY")
bad = 'require "fileinto";\r\nfileinto "x"\r\nkeep;\r\nfoo;\r\n'
cmd('PUTSCRIPT "bad" {%d+}\r\n%s' % (len(bad.encode()), bad))
warn = 'require "vacation";\r\nvacation :days 0 "x";\r\n'
cmd('PUTSCRIPT "warn" {%d+}\r\n%s' % (len(warn.encode()), warn))
cmd('CHECKSCRIPT {%d+}\r\n%s' % (len(warn.encode()), warn))
cmd('HAVESPACE "big" 5000')
big = "# " + "x" * 1600 + "\r\nkeep;\r\n"
cmd('PUTSCRIPT "big" {%d+}\r\n%s' % (len(big), big), 'PUTSCRIPT "big" {%d+} <# x*1600 keep;>' % len(big))
mid = "# " + "x" * 900 + "\r\nkeep;\r\n"
cmd('PUTSCRIPT "one" {%d+}\r\n%s' % (len(mid), mid), 'PUTSCRIPT "one" {%d+} <# x*900 keep;>' % len(mid))
cmd('HAVESPACE "x" 1200')
ok = "keep;\r\n"
cmd('PUTSCRIPT "two" {%d+}\r\n%s' % (len(ok), ok))
cmd('PUTSCRIPT "three" {%d+}\r\n%s' % (len(ok), ok))
cmd('HAVESPACE "three" 10')
cmd('HAVESPACE "two" 10')
cmd('SETACTIVE "missing"')
cmd('SETACTIVE "one"')
cmd('DELETESCRIPT "one"')
cmd('DELETESCRIPT "missing"')
cmd('RENAMESCRIPT "two" "warn"')
cmd('RENAMESCRIPT "missing" "five"')
cmd('RENAMESCRIPT "two" "2"')
cmd('GETSCRIPT "missing"')
cmd('GETSCRIPT "2"')
cmd('LISTSCRIPTS')
cmd('FROBNICATE')
cmd('PUTSCRIPT "lit" {abc}')
cmd('PUTSCRIPT "lit"')
cmd('GETSCRIPT')
cmd('SETACTIVE ""')
cmd('SETACTIVE ""')
cmd('DELETESCRIPT "one"')
cmd('DELETESCRIPT "2"')
cmd('DELETESCRIPT "warn"')
cmd('LISTSCRIPTS')
cmd('LOGOUT')
