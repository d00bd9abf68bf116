#!/usr/bin/env python3
"""The IMAP load of bench/imap.sh: CLIENTS processes, each logged in as a user of its own
(bench1, bench2...), run SESSIONS sessions in all. A session is what a client opening a folder
does: connect, LOGIN, SELECT INBOX, FETCH 1:* (FLAGS ENVELOPE), FETCH of BODIES whole messages
(BODY.PEEK[], a window that moves from session to session), UID SEARCH on a header, STORE
+FLAGS then -FLAGS (\\Flagged) on one message (so every session finds the same folder), LOGOUT.
Each command's round trip is timed. Prints one JSON object: sessions/s, commands/s, and the
p50/p99 latency of each command in milliseconds.

    load.py PORT SESSIONS CLIENTS PASSWORD MESSAGES BODIES
"""
import json
import multiprocessing
import socket
import sys
import time


class Imap:
    def __init__(self, port):
        self.s = socket.create_connection(("127.0.0.1", port))
        self.s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buf = b""
        self.pos = 0   # first unread byte of buf
        self.scan = 0  # where to look for the next CRLF (>= pos)
        self.tag = 0

    def _fill(self):
        data = self.s.recv(262144)
        if not data:
            raise RuntimeError("connection closed")
        # Drop what was read before appending: slicing the buffer after every line made the
        # client's cost per line grow with the size of the server's writes.
        if self.pos:
            self.buf = self.buf[self.pos:]
            self.scan -= self.pos
            self.pos = 0
        self.buf += data

    def line(self):
        """One response line, literals included ({n} CRLF n octets, then the rest of the line)."""
        out = []
        while True:
            i = self.buf.find(b"\r\n", self.scan)
            if i < 0:
                self.scan = max(self.pos, len(self.buf) - 1)
                self._fill()
                continue
            piece = self.buf[self.pos:i]
            self.pos = self.scan = i + 2
            out.append(piece)
            if piece.endswith(b"}") and b"{" in piece:
                n = int(piece[piece.rindex(b"{") + 1:-1])
                while len(self.buf) - self.pos < n:
                    self._fill()
                out.append(self.buf[self.pos:self.pos + n])
                self.pos = self.scan = self.pos + n
                continue
            return b"".join(out)

    def command(self, text):
        self.tag += 1
        tag = b"t%d" % self.tag
        self.s.sendall(tag + b" " + text.encode() + b"\r\n")
        lines = 0
        while True:
            line = self.line()
            if line.startswith(tag + b" "):
                if not line.startswith(tag + b" OK"):
                    raise RuntimeError("%s: %s" % (text.split()[0], line[:200]))
                return lines
            lines += 1


def session(port, user, password, messages, bodies, k, lat):
    def timed(name, fn):
        t0 = time.perf_counter()
        r = fn()
        lat.setdefault(name, []).append(time.perf_counter() - t0)
        return r
    c = timed("connect", lambda: Imap(port))
    timed("connect", c.line)  # the greeting belongs to connecting
    timed("LOGIN", lambda: c.command("LOGIN %s \"%s\"" % (user, password)))
    timed("SELECT", lambda: c.command("SELECT INBOX"))
    n = timed("FETCH envelopes", lambda: c.command("FETCH 1:* (FLAGS ENVELOPE)"))
    if n < messages:
        raise RuntimeError("%s: FETCH 1:* returned %d of %d messages" % (user, n, messages))
    first = 1 + (k * bodies) % max(1, messages - bodies)
    timed("FETCH bodies", lambda: c.command("FETCH %d:%d BODY.PEEK[]" % (first, first + bodies - 1)))
    timed("UID SEARCH", lambda: c.command("UID SEARCH SUBJECT \"topic %d\"" % (k % 37)))
    timed("STORE", lambda: c.command("STORE %d +FLAGS.SILENT (\\Flagged)" % first))
    timed("STORE", lambda: c.command("STORE %d -FLAGS.SILENT (\\Flagged)" % first))
    timed("LOGOUT", lambda: c.command("LOGOUT"))
    c.s.close()


def worker(args):
    port, user, password, count, messages, bodies, offset = args
    lat = {}
    for k in range(count):
        session(port, user, password, messages, bodies, offset + k, lat)
    return lat


def pct(values, p):
    v = sorted(values)
    return 1000 * v[min(len(v) - 1, int(p * len(v)))]


if __name__ == "__main__":
    port, sessions, clients, password = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    messages, bodies = int(sys.argv[5]), int(sys.argv[6])
    share = [sessions // clients + (1 if i < sessions % clients else 0) for i in range(clients)]
    jobs = [(port, "bench%d" % (i + 1), password, share[i], messages, bodies, 7 * i) for i in range(clients)]
    with multiprocessing.Pool(clients) as pool:
        t0 = time.monotonic()
        results = pool.map(worker, jobs)
        elapsed = time.monotonic() - t0
    merged = {}
    for r in results:
        for name, values in r.items():
            merged.setdefault(name, []).extend(values)
    commands = sum(len(v) for name, v in merged.items() if name != "connect")
    print(json.dumps({
        "sessions_per_s": sessions / elapsed,
        "commands_per_s": commands / elapsed,
        "latency_ms": {name: {"p50": pct(v, 0.50), "p99": pct(v, 0.99)} for name, v in merged.items()},
    }))
