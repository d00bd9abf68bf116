#!/usr/bin/env python3
"""Writes one folder of COUNT small messages twice: as a Maildir (files straight into cur/,
named as Dovecot names them, with S= and W= sizes) and as an mbox file, the same messages in
the same order.  Neither gets index files, uidlists or X-UID headers: the first server to open
the folder has to build them (the "cold" open of bench/stores.sh).

    genfolder.py COUNT SIZE MAILDIR MBOXFILE
"""
import os
import sys

count, size, maildir, mbox = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
for sub in ("cur", "new", "tmp"):
    os.makedirs(os.path.join(maildir, sub), exist_ok=True)
os.makedirs(os.path.dirname(mbox) or ".", exist_ok=True)

BASE = 1700000000
with open(mbox, "wb") as spool:
    for i in range(count):
        head = (f"From: bench@localhost\nTo: bench@localhost\nSubject: message {i}\n"
                f"Date: Tue, 14 Nov 2023 22:13:20 +0000\nMessage-ID: <{i}@bench.localdomain>\n\n").encode()
        # Body lines of 'x': none starts with "From ", so the mbox needs no quoting.
        body = b""
        while len(head) + len(body) < size:
            body += b"x" * min(71, size - len(head) - len(body) - 1) + b"\n"
        msg = head + body
        lines = msg.count(b"\n")
        name = f"{BASE + i}.M{i % 1000000}P4242Q{i}.bench,S={len(msg)},W={len(msg) + lines}:2,"
        with open(os.path.join(maildir, "cur", name), "wb") as f:
            f.write(msg)
        os.utime(os.path.join(maildir, "cur", name), (BASE + i, BASE + i))
        spool.write(b"From bench@localhost Tue Nov 14 22:13:20 2023\n" + msg + b"\n")
