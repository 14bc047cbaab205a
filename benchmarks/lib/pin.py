#!/usr/bin/env python3
"""Pins a running server, every thread of it and of the processes it forked, to CPUS.

usage: pin.py CPUS PID

CPUS as taskset takes it ("0", "0-1", "0,2"). benchmarks/run lets each server start on every core
(a loader may use them: caadns's JIT and parse, Knot's and NSD's own threads) and pins it once it
answers, before any query is measured. Threads made later inherit the pinned set."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mem import tree  # noqa: E402


def cpu_set(spec):
    cpus = set()
    for part in spec.split(","):
        low, _, high = part.partition("-")
        cpus.update(range(int(low), int(high or low) + 1))
    return cpus


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    cpus = cpu_set(sys.argv[1])
    for pid in tree(int(sys.argv[2])):
        try:
            threads = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue  # gone meanwhile
        for tid in threads:
            try:
                os.sched_setaffinity(int(tid), cpus)
            except OSError:
                pass  # a thread that ended meanwhile


if __name__ == "__main__":
    main()
