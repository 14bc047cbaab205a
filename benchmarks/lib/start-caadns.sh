#!/usr/bin/env bash
# Runs caadns from JAR in the foreground on 127.0.0.1:PORT serving the zone files in ZONEDIR, with
# one answering worker, the whole JVM (GC and JIT threads too) pinned to CPU. Stop it by its PID
# ($! of this script: it execs java).
# It runs as shipped (query journal in memory, as by default) except that the management API gets
# another port than 8055 (CAADNS_MANAGEMENT_PORT, default 0 = any free one), so a caadns already
# running on this machine does not stop it.
# CONFIG, if given, is used instead (the template row); it should do the same.
# It starts caadns through the ./caadns launcher, so with the JVM flags shipped there;
# CAADNS_JAVA_OPTS replaces them, e.g. CAADNS_JAVA_OPTS="-XX:+UseG1GC".
set -euo pipefail
if [[ $# -lt 5 || $# -gt 6 ]]; then
    echo "usage: start-caadns.sh JAR PORT ZONEDIR CPU SCRATCHDIR [CONFIG]" >&2
    exit 2
fi
jar=$1 port=$2 zonedir=$3 cpu=$4 scratch=$5
mkdir -p "$scratch"
config=${6:-$scratch/caadns.conf}
if [[ $# -eq 5 ]]; then
    echo "management.listen = \"127.0.0.1:${CAADNS_MANAGEMENT_PORT:-0}\"" >"$config"
fi
launcher="$(cd "$(dirname "$jar")/.." && pwd)/caadns"
exec taskset -c "$cpu" "$launcher" serve --config "$config" --zones "$zonedir" \
    --listen "127.0.0.1:$port" --workers 1
