#!/usr/bin/env python3
"""Prints the CPU a JVM has used so far by kind of thread, as "MAIN_S JIT_S GC_S OTHER_S".

usage: thread-cpu.py PID

MAIN is the thread named java (caadns's main thread: command line, config, zone load, binding),
JIT the C1 and C2 compiler threads, GC the VM Thread (the serial collector runs there), OTHER
everything else (Netty's loops, the management API, VM housekeeping). From utime + stime of each
/proc/PID/task/*/stat, so it reads the same on a busy machine as on a quiet one, wall time aside."""
import os
import sys

TICK = os.sysconf("SC_CLK_TCK")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    pid = sys.argv[1]
    kinds = {"main": 0, "jit": 0, "gc": 0, "other": 0}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/stat") as f:
                stat = f.read()
        except OSError:
            continue  # the thread ended meanwhile
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat.rsplit(")", 1)[1].split()
        ticks = int(fields[11]) + int(fields[12])
        kind = ("main" if name == "java" else "jit" if "CompilerThre" in name
                else "gc" if name == "VM Thread" else "other")
        kinds[kind] += ticks
    print(" ".join(f"{kinds[k] / TICK:.2f}" for k in ("main", "jit", "gc", "other")))


if __name__ == "__main__":
    main()
