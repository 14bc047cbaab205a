#!/usr/bin/env python3
"""Prints the CPU time a server has used so far, as "TOTAL_S BUSIEST_THREAD_S".

usage: cpu.py PID

TOTAL_S is utime + stime (/proc/PID/stat, fields 14 and 15) of the process and all its descendants
(NSD forks its server processes). BUSIEST_THREAD_S is the one thread that used the most (for a
one-worker server, the answering thread), so TOTAL - BUSIEST is what everything else cost: the
JVM's JIT and GC threads, Netty's other loops, NSD's xfrd. benchmarks/run takes the difference of
two readings around each dnsperf run."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mem import tree  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def ticks(stat_path):
    try:
        with open(stat_path) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime, stime (fields 14, 15 of stat)
    except (OSError, IndexError, ValueError):
        return 0


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    total = 0
    busiest = 0
    for pid in tree(int(sys.argv[1])):
        total += ticks(f"/proc/{pid}/stat")
        try:
            threads = os.listdir(f"/proc/{pid}/task")
        except OSError:
            threads = []
        for tid in threads:
            busiest = max(busiest, ticks(f"/proc/{pid}/task/{tid}/stat"))
    print(f"{total / TICK:.2f} {busiest / TICK:.2f}")


if __name__ == "__main__":
    main()
