#!/usr/bin/env bash
# HOOK for the "caadns with a template config" row of the benchmark (issue 5).
#
# Templates do not exist in caadns yet, so this says so and exits 3; benchmarks/run then reports
# the row as skipped. When templates land, make this write OUTDIR/caadns.conf (HOCON for
# `caadns serve --config`) that synthesizes the same NAMES names as lib/gen-zone.py (an A for every
# hN, CAA for 9 in 10) from a template instead of a zone file, with management.listen =
# "127.0.0.1:0" as lib/start-caadns.sh sets it, print the config's path, and exit 0:
# benchmarks/run will then start caadns with that config and measure it like the other servers.
set -euo pipefail
if [[ $# -ne 2 ]]; then
    echo "usage: template-config.sh NAMES OUTDIR" >&2
    exit 2
fi
echo "template-config: caadns has no templates yet; row skipped" >&2
exit 3
