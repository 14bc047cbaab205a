#!/usr/bin/env python3
"""Turns benchmarks/run's results.tsv into the markdown tables of a result file.

usage: table.py RESULTS_TSV

Input lines: ZONE_NAMES <tab> SERVER <tab> KEY <tab> VALUE, with KEY one of
  PROTO.SUITE.{qps,avg_ms,lost,sent,completed}   a throughput run
  latency.{p50_ms,p99_ms,p999_ms,avg_ms,lost}     the fixed-rate run (dnsperf -Q -v) with the median p99
  latency.p99_runs                                the p99 of each fixed-rate run, space-separated
  loss.rate, loss.{lost,sent,qps}                 the run at 80% of NSD's rate
  RUN.cpu_s, RUN.other_cpu_s                      the server's CPU seconds over that run, and the
                                                  part its busiest thread did not spend
  reload.{seconds,peak_rss_kib,steady_rss_kib,lost,sent}  caadns's reload under load
  first_answer_s, rss_kib, pss_kib, skipped
  {doh,dot}.caa.{qps,avg_ms,lost,...}             a DoH/DoT row (servers caadns, bind, dnsdist)

Output: a throughput table (one row per zone, suite and transport, ratios caadns/NSD and
caadns/Knot), a per-server table (first answer, memory after load, latency, losses), and a DoH/DoT
table (caadns, BIND, dnsdist in front of NSD; ratio caadns/BIND) when those rows ran."""
import collections
import sys

NAMES = {"nsd": "NSD", "knot": "Knot", "caadns": "caadns", "template": "caadns (template)"}
TLS_NAMES = {"caadns": "caadns", "bind": "BIND", "dnsdist": "dnsdist→NSD"}
ORDER = ["nsd", "knot", "caadns", "template"]
SUITES = {"caa": "CAA", "mix": "CA mix", "a": "A"}


def zone_label(names):
    n = int(names)
    if n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n % 1000 == 0:
        return f"{n // 1000}k"
    return str(n)


def load(path):
    data = collections.defaultdict(dict)  # (zone, server) -> {key: value}
    with open(path) as f:
        for line in f:
            zone, server, key, value = line.rstrip("\n").split("\t", 3)
            data[(zone, server)][key] = value
    return data


def num(d, key, fmt="{:,.0f}", scale=1.0):
    if key not in d:
        return "–"
    return fmt.format(float(d[key]) * scale)


def cpu_per_query(d, run):
    """Server CPU microseconds per answered query over one run."""
    if f"{run}.cpu_s" not in d or float(d.get(f"{run}.completed", 0)) == 0:
        return "–"
    return f"{float(d[f'{run}.cpu_s']) * 1e6 / float(d[f'{run}.completed']):.2f}"


def ratio(data, zone, key, other):
    mine, theirs = data.get((zone, "caadns"), {}).get(key), data.get((zone, other), {}).get(key)
    if mine is None or theirs is None or float(theirs) == 0:
        return "–"
    return f"{float(mine) / float(theirs):.2f}"


def encrypted(data):
    """The DoH/DoT rows: one line per zone and transport."""
    rows = sorted({(z, k.split(".")[0]) for (z, _), d in data.items() for k in d
                   if k.split(".")[0] in ("doh", "dot") and k.endswith(".qps")}, key=lambda r: (int(r[0]), r[1]))
    if not rows:
        return
    servers = [s for s in TLS_NAMES if any(f"{proto}.caa.qps" in data.get((z, s), {}) for z, proto in rows)]
    print("## DoH and DoT (CAA queries/s; one worker each; dnsperf -m doh / -m dot)")
    print()
    head = ["zone", "transport"] + [f"{TLS_NAMES[s]} q/s" for s in servers] + ["caadns/BIND"]
    head += [f"{TLS_NAMES[s]} avg ms" for s in servers] + [f"{TLS_NAMES[s]} lost" for s in servers]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for zone, proto in rows:
        key = f"{proto}.caa"
        row = [zone_label(zone), proto.upper()]
        row += [num(data.get((zone, s), {}), f"{key}.qps") for s in servers]
        row += [ratio(data, zone, f"{key}.qps", "bind")]
        row += [num(data.get((zone, s), {}), f"{key}.avg_ms", "{:.3f}") for s in servers]
        row += [num(data.get((zone, s), {}), f"{key}.lost") for s in servers]
        print("| " + " | ".join(row) + " |")
    print()


def plain(data):
    """The UDP/TCP throughput table and the per-server table."""
    if not any(k.split(".")[0] in ("udp", "tcp") for d in data.values() for k in d):
        return
    zones = sorted({z for z, _ in data}, key=int)
    servers = [s for s in ORDER if any((z, s) in data for z in zones)]
    measured = [s for s in servers if any("skipped" not in data.get((z, s), {"skipped": 1}) for z in zones)]

    print("## Throughput (queries/s; latency = dnsperf's average over the run)")
    print()
    head = ["zone", "queries", "transport"] + [f"{NAMES[s]} q/s" for s in measured]
    head += ["caadns/NSD", "caadns/Knot"]
    head += [f"{NAMES[s]} avg ms" for s in measured] + [f"{NAMES[s]} lost" for s in measured]
    head += [f"{NAMES[s]} CPU µs/query" for s in measured]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for zone in zones:
        runs = sorted({k.rsplit(".", 1)[0] for (z, _), d in data.items() if z == zone for k in d
                       if k.count(".") == 2 and k.split(".")[0] in ("udp", "tcp")},
                      key=lambda r: (list(SUITES).index(r.split(".")[1]), r.split(".")[0] != "udp"))
        for run in runs:
            proto, suite = run.split(".")
            row = [zone_label(zone), SUITES.get(suite, suite), proto.upper()]
            row += [num(data.get((zone, s), {}), f"{run}.qps") for s in measured]
            row += [ratio(data, zone, f"{run}.qps", "nsd"), ratio(data, zone, f"{run}.qps", "knot")]
            row += [num(data.get((zone, s), {}), f"{run}.avg_ms", "{:.3f}") for s in measured]
            row += [num(data.get((zone, s), {}), f"{run}.lost") for s in measured]
            row += [cpu_per_query(data.get((zone, s), {}), run) for s in measured]
            print("| " + " | ".join(row) + " |")
    print()

    print("## Per server")
    print()
    print("first answer = seconds from process start until it answers a query from the zone (zone load "
          "time, JVM start included for caadns; on the CPUs the result's header gives, then pinned); memory after the load runs, summed over the "
          "server's processes; p50/p99 from every query of the fixed-rate CAA/UDP run (`-Q`, `-v`; of several runs, the one with the median p99); "
          "losses of a CAA/UDP run at 80% of NSD's CAA/UDP rate; CPU µs/query = the server's "
          "utime+stime (/proc, all its processes) over the run / queries answered; other threads = "
          "CPU seconds of all but the busiest thread during the fixed-rate run (JIT, GC: should be ~0); "
          "reload = POST /api/v1/reload under a fixed CAA/UDP rate: seconds, queries lost, peak RSS "
          "(20 ms samples) and its ratio to the RSS before.")
    print()
    head = ["server", "zone", "first answer s", "RSS MiB", "PSS MiB", "p50 / p99 ms at fixed rate",
            "lost at 80% of NSD", "CPU µs/query at fixed rate", "other threads s", "reload"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for zone in zones:
        for s in servers:
            d = data.get((zone, s))
            if d is None:
                continue
            if "skipped" in d:
                print(f"| {NAMES[s]} | {zone_label(zone)} | skipped: {d['skipped']} |  |  |  |  |  |  |  |")
                continue
            lat = "–"
            if "latency.p50_ms" in d:
                runs = d.get("latency.p99_runs", "").split()
                lat = f"{float(d['latency.p50_ms']):.3f} / {float(d['latency.p99_ms']):.3f} " \
                      f"(at {float(d['latency.qps']):,.0f} q/s" \
                      + (f"; p99 of each run: {', '.join(runs)}" if len(runs) > 1 else "") + ")"
            loss = "–"
            if "loss.lost" in d:
                sent = int(d["loss.sent"])
                # dnsperf keeps at most -q queries outstanding, so a slow server shows up as a rate
                # below the asked one rather than as losses: print both.
                loss = f"{int(d['loss.lost']):,} of {sent:,} ({100 * int(d['loss.lost']) / max(sent, 1):.2f}%); " \
                       f"asked {int(d['loss.rate']):,} q/s, got {float(d['loss.qps']):,.0f}"
            reload = "–"
            if "reload.peak_rss_kib" in d:
                peak, steady = float(d["reload.peak_rss_kib"]), float(d["reload.steady_rss_kib"])
                reload = f"{float(d['reload.seconds']):.2f} s, {int(d['reload.lost']):,} of " \
                         f"{int(d['reload.sent']):,} lost at {float(d['reload.qps']):,.0f} q/s, peak " \
                         f"{peak / 1024:,.0f} MiB ({peak / max(steady, 1):.2f}× steady)"
            row = [NAMES[s], zone_label(zone), num(d, "first_answer_s", "{:.2f}"),
                   num(d, "rss_kib", "{:,.0f}", 1 / 1024), num(d, "pss_kib", "{:,.0f}", 1 / 1024), lat, loss,
                   cpu_per_query(d, "latency"), num(d, "latency.other_cpu_s", "{:.2f}"), reload]
            print("| " + " | ".join(row) + " |")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    data = load(sys.argv[1])
    plain(data)
    print()
    encrypted(data)


if __name__ == "__main__":
    main()
