#!/usr/bin/env bash
# Runs BIND 9.18 (named) in the foreground serving ZONEFILE on 127.0.0.1: plain DNS on PORT, DoT on
# DOTPORT and DoH (/dns-query) on DOHPORT (its tls and http blocks), one worker (-n 1), pinned to
# CPU. Stop it by its PID: it execs named.
set -euo pipefail
if [[ $# -ne 8 ]]; then
    echo "usage: start-bind.sh PORT DOTPORT DOHPORT ZONEFILE SCRATCHDIR CPU CERT KEY" >&2
    exit 2
fi
port=$1 dot=$2 doh=$3 zonefile=$(realpath "$4") scratch=$5 cpu=$6 cert=$(realpath "$7") key=$(realpath "$8")
mkdir -p "$scratch"
scratch=$(realpath "$scratch")
cat >"$scratch/named.conf" <<CONF
tls bench-tls {
    cert-file "$cert";
    key-file "$key";
};
http bench-http {
    endpoints { "/dns-query"; };
};
options {
    directory "$scratch";
    pid-file "$scratch/named.pid";
    listen-on port $port { 127.0.0.1; };
    listen-on port $dot tls bench-tls { 127.0.0.1; };
    listen-on port $doh tls bench-tls http bench-http { 127.0.0.1; };
    listen-on-v6 { none; };
    recursion no;
    notify no;
};
controls { };
zone "bench.test" {
    type primary;
    file "$zonefile";
};
CONF
exec taskset -c "$cpu" named -g -n 1 -c "$scratch/named.conf"
