#!/usr/bin/env python3
"""Prints the memory of a process and all its descendants as "RSS_KIB PSS_KIB".

usage: mem.py PID

Descendants count because NSD forks its server and xfrd processes. RSS adds up pages the processes
share (NSD's forked server shares the zone with its parent), so PSS, which splits shared pages
between their users, is the fairer total; for a single process the two are about equal."""
import os
import sys


def children(pid):
    kids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    # the command name is in parentheses and may hold spaces: split after it
                    fields = f.read().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid:
                    kids.append(int(entry))
            except (OSError, IndexError):
                pass
    return kids


def tree(pid):
    out = [pid]
    for kid in children(pid):
        out += tree(kid)
    return out


def rollup(pid):
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                key, value = line.split(":", 1)
                if key == "Rss":
                    rss = int(value.split()[0])
                elif key == "Pss":
                    pss = int(value.split()[0])
    except OSError:
        pass
    return rss, pss


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    rss = pss = 0
    for pid in tree(int(sys.argv[1])):
        r, p = rollup(pid)
        rss += r
        pss += p
    print(rss, pss)


if __name__ == "__main__":
    main()
