#!/usr/bin/env python3
"""Counts what a JVM did until a moment, from its logs copied at that moment, as
"CLASSES NOT_ARCHIVED COMPILATIONS GCS".

usage: jvm-counts.py JVM_LOG STDOUT

JVM_LOG is what -Xlog:class+load=info,gc=info:file=JVM_LOG wrote: CLASSES the classes loaded,
NOT_ARCHIVED those not mapped from a class-data archive (not "source: shared objects file":
read from the jar and verified, or generated at run time: lambda forms, proxies), GCS the
collections. STDOUT holds -XX:+PrintCompilation's lines: COMPILATIONS the JIT compilations
(C1 and C2, each tier counted)."""
import re
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    classes = archived = gcs = 0
    with open(sys.argv[1], errors="replace") as log:
        for line in log:
            if "[class,load]" in line:
                classes += 1
                archived += "source: shared objects file" in line
            elif re.search(r"\[gc *\] GC\(\d+\) Pause", line):
                gcs += 1
    compiled = re.compile(r"^\s*\d+\s+\d+\s")
    with open(sys.argv[2], errors="replace") as out:
        compilations = sum(1 for line in out if compiled.match(line))
    print(f"{classes} {classes - archived} {compilations} {gcs}")


if __name__ == "__main__":
    main()
