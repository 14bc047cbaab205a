#!/usr/bin/env bash
# Runs NSD in the foreground on 127.0.0.1:PORT serving ZONEFILE, one worker, pinned to CPU.
# Run it in the background and stop it by its PID: it execs nsd, so $! is nsd's main process.
# Settings (see /work/shared/peers.md): rrl-ratelimit 0, because NSD's response rate limiting is
# on by default and collapses a one-source load test to a few hundred q/s; server-count 1 for one
# worker; reuseport and tcp-count as the peers were measured.
set -euo pipefail
if [[ $# -ne 4 ]]; then
    echo "usage: start-nsd.sh PORT ZONEFILE SCRATCHDIR CPU" >&2
    exit 2
fi
port=$1 zonefile=$(realpath "$2") scratch=$3 cpu=$4
mkdir -p "$scratch"
scratch=$(realpath "$scratch")
cat >"$scratch/nsd.conf" <<CONF
server:
    ip-address: 127.0.0.1@$port
    server-count: 1
    reuseport: yes
    tcp-count: 1000
    rrl-ratelimit: 0
    username: ""
    chroot: ""
    database: ""
    zonelistfile: "$scratch/zone.list"
    xfrdfile: "$scratch/xfrd.state"
    xfrdir: "$scratch"
    pidfile: "$scratch/nsd.pid"
    logfile: "$scratch/nsd.log"
    verbosity: 1
remote-control:
    control-enable: no
zone:
    name: bench.test
    zonefile: "$zonefile"
CONF
exec taskset -c "$cpu" nsd -d -c "$scratch/nsd.conf"
