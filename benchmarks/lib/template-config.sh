#!/usr/bin/env bash
# The "caadns with templates" row of the benchmark (issue 5): writes OUTDIR/zone/ (the zone without
# CAA at the hN names), the tables and OUTDIR/caadns.conf (1,000 rules whose tables give every hN the
# CAA set gen-zone.py writes for it), and prints the config's path. benchmarks/run serves OUTDIR/zone
# with that config and measures it like the other servers.
set -euo pipefail
if [[ $# -ne 2 ]]; then
    echo "usage: template-config.sh NAMES OUTDIR" >&2
    exit 2
fi
exec python3 "$(dirname "${BASH_SOURCE[0]}")/template-config.py" "$1" "$2"
