#!/usr/bin/env python3
"""Prints the memory of a process and all its descendants in KiB: the sum of their PSS
(proportional set size: shared pages split between the processes sharing them, so that a
library mapped by a thousand Dovecot processes is not counted a thousand times), and how many
processes that was.

    mem.py PID
"""
import os
import sys

root = int(sys.argv[1])
children = {}
for pid in os.listdir("/proc"):
    if pid.isdigit():
        try:
            with open("/proc/%s/stat" % pid) as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(pid))
        except (OSError, ValueError, IndexError):
            pass
todo, total, count = [root], 0, 0
while todo:
    pid = todo.pop()
    todo.extend(children.get(pid, []))
    try:
        with open("/proc/%d/smaps_rollup" % pid) as f:
            for line in f:
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    count += 1
    except OSError:
        pass
print(total, count)
