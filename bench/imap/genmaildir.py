#!/usr/bin/env python3
"""Writes a Maildir of COUNT messages of about SIZE bytes into cur/ (Dovecot's file names with
S= and W= sizes, already seen), with senders, subjects and dates that differ, every fifth one a
multipart/mixed with a small attachment, so that ENVELOPE, BODYSTRUCTURE and SEARCH have
something to chew on.

    genmaildir.py COUNT SIZE MAILDIR
"""
import base64
import os
import sys

count, size, maildir = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
for sub in ("cur", "new", "tmp"):
    os.makedirs(os.path.join(maildir, sub), exist_ok=True)

BASE = 1700000000
NAMES = ["Alice Example", "Bob Builder", "Carol Singer", "Dave Null", "Erin Rivers", "Frank Ocean"]
for i in range(count):
    who = NAMES[i % len(NAMES)]
    addr = who.split()[0].lower() + "@example.org"
    day = 1 + i % 28
    head = (f"From: {who} <{addr}>\nTo: bench@localhost\nCc: team@example.org\n"
            f"Subject: report {i} about topic {i % 37}\n"
            f"Date: Tue, {day:02d} Nov 2023 {i % 24:02d}:{i % 60:02d}:00 +0000\n"
            f"Message-ID: <{i}@bench.example.org>\nMIME-Version: 1.0\n")
    text = ""
    line = 0
    while len(head) + len(text) < size:
        text += f"Line {line} of message {i}: the quick brown fox jumps over the lazy dog.\n"
        line += 1
    if i % 5 == 0:
        blob = base64.encodebytes(os.urandom(600)).decode()
        msg = (head + "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\n"
               "Content-Type: text/plain; charset=us-ascii\n\n" + text +
               "--b\nContent-Type: application/octet-stream; name=\"data.bin\"\n"
               "Content-Transfer-Encoding: base64\n\n" + blob + "--b--\n")
    else:
        msg = head + "Content-Type: text/plain; charset=us-ascii\n\n" + text
    data = msg.encode()
    lines = data.count(b"\n")
    name = f"{BASE + i}.M{i}P4242Q{i}.bench,S={len(data)},W={len(data) + lines}:2,S"
    path = os.path.join(maildir, "cur", name)
    with open(path, "wb") as f:
        f.write(data)
    os.utime(path, (BASE + i, BASE + i))
