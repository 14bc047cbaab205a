#!/usr/bin/env python3
"""Reads one dnsperf output and prints its numbers as "key value" lines.

usage: parse-dnsperf.py FILE

Always: sent, completed, lost, qps, avg_ms (from the Statistics block; TCP runs also print a
"Connection Statistics" latency, which is connection setup and is ignored).
When the run used -v (one "> RCODE NAME TYPE SECONDS" line per query): p50_ms, p99_ms, p999_ms.
dnsperf 2.10 has no latency histogram option, so percentiles need -v, and -v costs dnsperf time:
use it only for fixed-rate (-Q) runs."""
import re
import sys


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, int(round(p / 100 * len(sorted_values))) - 1))
    return sorted_values[k]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    text = open(sys.argv[1], errors="replace").read()
    stats = text.split("Statistics:", 1)
    if len(stats) < 2:
        sys.exit(f"parse-dnsperf: no Statistics block in {sys.argv[1]}")
    block = stats[1].split("Connection Statistics:", 1)[0]
    patterns = {
        "sent": r"Queries sent:\s+(\d+)",
        "completed": r"Queries completed:\s+(\d+)",
        "lost": r"Queries lost:\s+(\d+)",
        "qps": r"Queries per second:\s+([\d.]+)",
        "avg_ms": r"Average Latency \(s\):\s+([\d.]+)",
    }
    for key, pattern in patterns.items():
        m = re.search(pattern, block)
        if not m:
            sys.exit(f"parse-dnsperf: no '{key}' in {sys.argv[1]}")
        value = float(m.group(1))
        print(key, f"{value * 1000:.3f}" if key == "avg_ms" else m.group(1))
    latencies = sorted(float(line.rsplit(" ", 1)[1]) for line in stats[0].splitlines()
                       if line.startswith("> "))
    if latencies:
        for name, p in (("p50_ms", 50), ("p99_ms", 99), ("p999_ms", 99.9)):
            print(name, f"{percentile(latencies, p) * 1000:.3f}")


if __name__ == "__main__":
    main()
