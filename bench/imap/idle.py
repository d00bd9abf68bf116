#!/usr/bin/env python3
"""Holds SESSIONS IMAP sessions open for bench/imap.sh's memory figure: each logs in (users
PREFIX1..PREFIXn in turn), selects INBOX and enters IDLE, then waits. Prints "ready N" once all
are idling (N = how many made it), then keeps them until its standard input closes.

    idle.py PORT SESSIONS USERS PREFIX PASSWORD
"""
import asyncio
import resource
import sys

port, sessions, users, prefix, password = (int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]),
                                           sys.argv[4], sys.argv[5])
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


async def until(reader, tag):
    while True:
        line = await reader.readline()
        if not line:
            raise RuntimeError("closed")
        if line.startswith(tag):
            return line


async def one(i, gate, held):
    async with gate:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        await reader.readline()
        user = "%s%d" % (prefix, i % users + 1)
        writer.write(b'a LOGIN %s "%s"\r\n' % (user.encode(), password.encode()))
        line = await until(reader, b"a ")
        if not line.startswith(b"a OK"):
            raise RuntimeError("LOGIN %s: %r" % (user, line))
        writer.write(b"b SELECT INBOX\r\n")
        line = await until(reader, b"b ")
        if not line.startswith(b"b OK"):
            raise RuntimeError("SELECT: %r" % line)
        writer.write(b"c IDLE\r\n")
        await until(reader, b"+")
    held.append((reader, writer))


async def main():
    gate = asyncio.Semaphore(64)  # handshakes in flight at once
    held = []
    results = await asyncio.gather(*(one(i, gate, held) for i in range(sessions)), return_exceptions=True)
    failures = [r for r in results if isinstance(r, Exception)]
    if failures:
        print("failed %d: %s" % (len(failures), failures[0]), file=sys.stderr, flush=True)
    print("ready %d" % len(held), flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    for _, w in held:
        w.close()

asyncio.run(main())
