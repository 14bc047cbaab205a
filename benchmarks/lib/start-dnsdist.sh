#!/usr/bin/env bash
# Runs dnsdist in the foreground as a DoH (/dns-query on DOHPORT) and DoT (DOTPORT) front to the
# name server on 127.0.0.1:BACKEND (NSD in benchmarks/run), plus plain DNS on PORT for the start
# probe, pinned to CPU. Stop it by its PID: it execs dnsdist.
set -euo pipefail
if [[ $# -ne 8 ]]; then
    echo "usage: start-dnsdist.sh PORT DOTPORT DOHPORT BACKEND SCRATCHDIR CPU CERT KEY" >&2
    exit 2
fi
port=$1 dot=$2 doh=$3 backend=$4 scratch=$5 cpu=$6 cert=$(realpath "$7") key=$(realpath "$8")
mkdir -p "$scratch"
cat >"$scratch/dnsdist.conf" <<CONF
setLocal("127.0.0.1:$port")
newServer({address="127.0.0.1:$backend", checkName="bench.test."})
addTLSLocal("127.0.0.1:$dot", "$cert", "$key")
addDOHLocal("127.0.0.1:$doh", "$cert", "$key", "/dns-query")
setSecurityPollSuffix("")
CONF
exec taskset -c "$cpu" dnsdist --supervised --disable-syslog -C "$scratch/dnsdist.conf"
