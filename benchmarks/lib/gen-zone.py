#!/usr/bin/env python3
"""Writes one benchmark zone and the dnsperf query files that go with it.

usage: gen-zone.py NAMES OUTDIR

OUTDIR/zone/bench.test.zone   the zone: NAMES names h0..h{NAMES-1}, each with an A record; 9 in 10
                              also carry 1-3 CAA records, every tenth (h9, h19, ...) has none
OUTDIR/caa.txt                CAA for names that have CAA (positive answers)
OUTDIR/a.txt                  A for existing names
OUTDIR/mix.txt                the CA-shaped mix (see below)

The same NAMES always gives the same files (fixed seed), so runs on different days compare.
Query files are shuffled so that a server's caches see the whole zone, not a sorted walk.
"""
import os
import random
import sys

ORIGIN = "bench.test"
# Enough lines that dnsperf's walk through the file does not repeat a hot subset; capped so the
# 1M zone's files stay in the tens of MB.
MAX_QUERIES = 1_000_000

CAA_SETS = [
    ['0 issue "ca.example.net"'],
    ['0 issue "ca.example.net"', '0 issuewild ";"'],
    ['0 issue "ca.example.net; account=1234"', '0 issuewild "wild.example.org"',
     '0 iodef "mailto:security@example.net"'],
]


def has_caa(i):
    return i % 10 != 9


def write_zone(path, names):
    with open(path, "w", buffering=1 << 20) as f:
        f.write(f"$ORIGIN {ORIGIN}.\n$TTL 3600\n")
        f.write("@ SOA ns.bench.test. hostmaster.bench.test. 1 7200 3600 1209600 300\n")
        f.write("@ NS ns\nns A 127.0.0.1\n")
        # The apex has CAA so that every climb in the CA mix ends with a positive answer.
        f.write('@ CAA 0 issue "ca.example.net"\n')
        for i in range(names):
            f.write(f"h{i} A 10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}\n")
            if has_caa(i):
                for value in CAA_SETS[i % 3]:
                    f.write(f"h{i} CAA {value}\n")


def sample(rng, names, count, pred):
    """count random indexes in [0, names) that satisfy pred."""
    out = []
    while len(out) < count:
        i = rng.randrange(names)
        if pred(i):
            out.append(i)
    return out


def write_lines(path, lines):
    with open(path, "w", buffering=1 << 20) as f:
        f.write("\n".join(lines))
        f.write("\n")


def ca_mix(rng, names, count):
    """One issuance as a CA does its CAA check (RFC 8659 §3: climb from the name toward the root,
    stop at the first CAA RRset), limited to this zone, in four shapes:
      1. the name has CAA:                          CAA hN                      (positive)
      2. www.hN does not exist, hN has CAA:         www.hN (NXDOMAIN), hN
      3. hN exists without CAA (A only):            hN (NODATA), apex
      4. two missing labels, then the apex:         a.bN (NXDOMAIN), bN (NXDOMAIN), apex
    8 queries per 4 issuances: 3/8 NXDOMAIN, 1/8 NODATA, like peers.md's "CA mix"."""
    apex = f"{ORIGIN} CAA"
    lines = []
    while len(lines) < count:
        i = sample(rng, names, 1, has_caa)[0]
        lines.append(f"h{i}.{ORIGIN} CAA")
        i = sample(rng, names, 1, has_caa)[0]
        lines += [f"www.h{i}.{ORIGIN} CAA", f"h{i}.{ORIGIN} CAA"]
        i = sample(rng, names, 1, lambda j: not has_caa(j))[0]
        lines += [f"h{i}.{ORIGIN} CAA", apex]
        i = rng.randrange(names)
        lines += [f"a.b{i}.{ORIGIN} CAA", f"b{i}.{ORIGIN} CAA", apex]
    return lines


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    names = int(sys.argv[1])
    out = sys.argv[2]
    os.makedirs(os.path.join(out, "zone"), exist_ok=True)
    write_zone(os.path.join(out, "zone", f"{ORIGIN}.zone"), names)
    rng = random.Random(names)
    count = min(names, MAX_QUERIES)
    write_lines(os.path.join(out, "caa.txt"),
                [f"h{i}.{ORIGIN} CAA" for i in sample(rng, names, count, has_caa)])
    write_lines(os.path.join(out, "a.txt"),
                [f"h{i}.{ORIGIN} A" for i in sample(rng, names, count, lambda j: True)])
    write_lines(os.path.join(out, "mix.txt"), ca_mix(rng, names, count))


if __name__ == "__main__":
    main()
