#!/usr/bin/env python3
"""Samples a process's resident memory every 20 ms until it exits or SECONDS pass, or until the
file STOP exists; prints the highest value seen in KiB.

usage: peak-rss.py PID SECONDS [STOP]

Reads VmRSS from /proc/PID/status (the process itself: caadns is one process). benchmarks/run
runs it around a reload to see what the old and the new index cost together."""
import os
import sys
import time


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    pid, seconds = int(sys.argv[1]), float(sys.argv[2])
    stop = sys.argv[3] if len(sys.argv) == 4 else None
    peak = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end and not (stop and os.path.exists(stop)):
        try:
            peak = max(peak, rss_kib(pid))
        except OSError:
            break
        time.sleep(0.02)
    print(peak)


if __name__ == "__main__":
    main()
