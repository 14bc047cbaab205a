#!/usr/bin/env bash
# Runs Knot DNS in the foreground on 127.0.0.1:PORT serving ZONEFILE, one UDP, one TCP and one
# background worker, on CPU. Stop it by its PID ($! of this script: it execs knotd).
# Knot pins its UDP worker to CPU 0 by itself whatever taskset says (peers.md), so give it CPU 0.
# Response rate limiting is a module in Knot (mod-rrl), off unless configured: nothing to turn off.
# Journal and zone-file sync are off so Knot only reads the zone, as NSD does.
set -euo pipefail
if [[ $# -ne 4 ]]; then
    echo "usage: start-knot.sh PORT ZONEFILE SCRATCHDIR CPU" >&2
    exit 2
fi
port=$1 zonefile=$(realpath "$2") scratch=$3 cpu=$4
mkdir -p "$scratch"
scratch=$(realpath "$scratch")
cat >"$scratch/knot.conf" <<CONF
server:
    rundir: "$scratch"
    pidfile: "$scratch/knot.pid"
    listen: 127.0.0.1@$port
    udp-workers: 1
    tcp-workers: 1
    background-workers: 1
database:
    storage: "$scratch/db"
log:
  - target: stderr
    any: notice
template:
  - id: default
    semantic-checks: off
    zonefile-sync: -1
    zonefile-load: whole
    journal-content: none
zone:
  - domain: bench.test
    file: "$zonefile"
CONF
exec taskset -c "$cpu" knotd -c "$scratch/knot.conf"
