#!/usr/bin/env python3
"""Writes the "caadns with templates" variant of a benchmark zone (issue 5: 1,000 rules, 10,000 rows).

usage: template-config.py NAMES OUTDIR

OUTDIR/zone/bench.test.zone   the same names as gen-zone.py's zone (apex, an A per hN) but no CAA
                              at the hN names: templates synthesize it
OUTDIR/set0.csv .. set2.csv   one table per CAA set of gen-zone.py, keyed by name: row hN holds the
                              account number; 9 in 10 names have a row, as 9 in 10 have CAA there
OUTDIR/caadns.conf            three {name}.bench.test. rules, one per table (a name not in a rule's
                              table falls to the next), and 997 decoy rules with their own literal
                              suffixes, so the rule index holds 1,000 rules as the issue asks

Served, every hN answers CAA with exactly the records gen-zone.py writes for it.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import importlib  # noqa: E402

gen = importlib.import_module("gen-zone")

RULES = 1000


def main():
    names, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(os.path.join(out, "zone"), exist_ok=True)
    with open(os.path.join(out, "zone", "bench.test.zone"), "w", buffering=1 << 20) as f:
        f.write(f"$ORIGIN {gen.ORIGIN}.\n$TTL 3600\n")
        f.write("@ SOA ns.bench.test. hostmaster.bench.test. 1 7200 3600 1209600 300\n")
        f.write("@ NS ns\nns A 127.0.0.1\n")
        f.write('@ CAA 0 issue "ca.example.net"\n')
        for i in range(names):
            f.write(f"h{i} A 10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}\n")
    tables = [open(os.path.join(out, f"set{k}.csv"), "w", buffering=1 << 20) for k in range(3)]
    for t in tables:
        t.write("name,account\n")
    for i in range(names):
        if gen.has_caa(i):
            tables[i % 3].write(f"h{i},1234\n")
    for t in tables:
        t.close()
    with open(os.path.join(out, "caadns.conf"), "w") as f:
        f.write('management.listen = "127.0.0.1:0"\ncaa.templates = [\n')
        for k, records in enumerate(gen.CAA_SETS):
            # The TTL of the zone's records, so answers equal the literal zone's byte for byte.
            quoted = ", ".join('"' + r.replace('"', '\\"') + '"' for r in records)
            f.write(f'  {{ match = "{{name}}.bench.test.", table = "set{k}.csv", ttl = 3600, '
                    f'records = [{quoted}] }}\n')
        for d in range(RULES - len(gen.CAA_SETS)):
            f.write(f'  {{ match = "*.d{d}.bench.test.", issue = ["decoy{d}.example"] }}\n')
        f.write("]\n")
    print(os.path.join(out, "caadns.conf"))


if __name__ == "__main__":
    main()
