#!/usr/bin/env python3
"""Prints the CPU time, in milliseconds, that a process and all its descendants have used so far:
user and system time of the live ones, plus what the exited children the root reaped used
(their time is added to the root's cutime/cstime). For Dovecot that counts the master, auth,
the login processes and every imap process (each exits after its session and is reaped by the
master); for Tegami the JVM (session, I/O, JIT and GC threads).

    cpu.py PID
"""
import os
import sys

root = int(sys.argv[1])
tick = os.sysconf("SC_CLK_TCK")
stats, children = {}, {}
for pid in os.listdir("/proc"):
    if pid.isdigit():
        try:
            with open("/proc/%s/stat" % pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            stats[int(pid)] = fields
            children.setdefault(int(fields[1]), []).append(int(pid))
        except (OSError, ValueError, IndexError):
            pass
todo, ticks = [root], 0
while todo:
    pid = todo.pop()
    todo.extend(children.get(pid, []))
    f = stats.get(pid)
    if f:
        # After ")": state ppid ... utime is field 14 of stat, index 11 here; cutime/cstime 13, 14.
        ticks += int(f[11]) + int(f[12])
        if pid == root:
            ticks += int(f[13]) + int(f[14])
print(ticks * 1000 // tick)
