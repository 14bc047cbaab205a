#!/usr/bin/env bash
# Runs caadns from JAR in the foreground on 127.0.0.1:PORT serving the zone files in ZONEDIR, with
# one answering worker, the whole JVM (GC and JIT threads too) pinned to CPU. Stop it by its PID
# ($! of this script: it execs java). CONFIG, if given, is passed as --config (the template row).
# CAADNS_JAVA_OPTS adds JVM flags, e.g. CAADNS_JAVA_OPTS="-XX:+UseParallelGC".
set -euo pipefail
if [[ $# -lt 4 || $# -gt 5 ]]; then
    echo "usage: start-caadns.sh JAR PORT ZONEDIR CPU [CONFIG]" >&2
    exit 2
fi
jar=$1 port=$2 zonedir=$3 cpu=$4
config=()
if [[ $# -eq 5 ]]; then
    config=(--config "$5")
fi
# shellcheck disable=SC2086 # CAADNS_JAVA_OPTS is a list of flags
exec taskset -c "$cpu" java ${CAADNS_JAVA_OPTS:-} -jar "$jar" serve "${config[@]}" --zones "$zonedir" \
    --listen "127.0.0.1:$port" --workers 1
