#!/usr/bin/env python3
"""Times one IMAP SELECT INBOX and prints the seconds it took (login and process start excluded),
the number of messages it reported and the seconds of the whole session.

    imap_select.py tegami PORT USER PASSWORD       a running Tegami on 127.0.0.1:PORT, LOGIN first
    imap_select.py dovecot COMMAND...              Dovecot's imap binary pre-authenticated on stdin
                                              (the environment says USER and HOME)
"""
import imaplib
import subprocess
import sys
import time

start = time.monotonic()
if sys.argv[1] == "tegami":
    imap = imaplib.IMAP4("127.0.0.1", int(sys.argv[2]), timeout=1800)
    imap.login(sys.argv[3], sys.argv[4])
    t0 = time.monotonic()
    typ, data = imap.select("INBOX")
    t1 = time.monotonic()
    if typ != "OK":
        sys.exit(f"SELECT failed: {typ} {data}")
    exists = int(data[0])
    imap.logout()
else:
    p = subprocess.Popen(sys.argv[2:], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    greeting = p.stdout.readline()
    if b"PREAUTH" not in greeting:
        sys.exit(f"no PREAUTH greeting: {greeting!r}")
    t0 = time.monotonic()
    p.stdin.write(b"a SELECT INBOX\r\n")
    p.stdin.flush()
    exists = -1
    while True:
        line = p.stdout.readline()
        if not line:
            sys.exit("dovecot imap ended early")
        if line.endswith(b" EXISTS\r\n"):
            exists = int(line.split()[1])
        if line.startswith(b"a "):
            break
    t1 = time.monotonic()
    if not line.startswith(b"a OK"):
        sys.exit(f"SELECT failed: {line!r}")
    p.stdin.write(b"b LOGOUT\r\n")
    p.stdin.close()
    p.wait(timeout=600)
print(f"{t1 - t0:.6f} {exists} {time.monotonic() - start:.3f}")
