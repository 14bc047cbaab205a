#!/usr/bin/python3
"""certbot-dns-rfc2136's own client (Debian python3-certbot-dns-rfc2136), driven without certbot:
it finds the zone with signed SOA queries over TCP (RD clear, AA required), then sends the signed
UPDATE that adds the TXT (TTL 120) or deletes that one record (class NONE).

  certbot_client.py add|del SERVER PORT KEY SECRET ALGORITHM NAME VALUE
"""
import sys

import dns.tsig
from certbot_dns_rfc2136._internal.dns_rfc2136 import Authenticator, _RFC2136Client

action, server, port, key, secret, algorithm, name, value = sys.argv[1:9]
client = _RFC2136Client(server, int(port), key, secret, Authenticator.ALGORITHMS[algorithm.upper()], 5)
if action == "add":
    client.add_txt_record(name, value, 120)
else:
    client.del_txt_record(name, value)
print("ok")
