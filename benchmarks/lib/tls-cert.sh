#!/usr/bin/env bash
# Makes a self-signed P-256 certificate for 127.0.0.1 in DIR (cert.pem, key.pem, 0600), once:
# BIND and dnsdist present it on their DoH and DoT listeners (dnsperf does not verify it).
set -euo pipefail
if [[ $# -ne 1 ]]; then
    echo "usage: tls-cert.sh DIR" >&2
    exit 2
fi
dir=$1
mkdir -p "$dir"
if [[ ! -f $dir/cert.pem || ! -f $dir/key.pem ]]; then
    (umask 077
     openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 365 \
         -subj "/CN=bench.test" -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
         -keyout "$dir/key.pem" -out "$dir/cert.pem" 2>/dev/null)
fi
echo "$dir"
