#!/usr/bin/env python3
"""Waits until a DNS server answers with signatures, and prints how long after START that was (s).

usage: signed-answer.py PORT QNAME START_EPOCH_SECONDS TIMEOUT_SECONDS [PID]

Asks 127.0.0.1:PORT for QNAME/CAA with EDNS and DO over UDP every 20 ms (every 200 ms after 2 s, so
polling does not steal the signing server's CPU). The first NOERROR reply whose answer section holds
an RRSIG counts: the zone is loaded and signed. With PID, gives up once that process is gone."""
import os
import socket
import struct
import sys
import time


def query(qname, ident):
    header = struct.pack(">HHHHHH", ident, 0, 1, 0, 0, 1)
    name = b"".join(bytes([len(label)]) + label.encode() for label in qname.rstrip(".").split("."))
    opt = b"\x00" + struct.pack(">HHBBHH", 41, 1232, 0, 0, 0x8000, 0)
    return header + name + b"\x00" + struct.pack(">HH", 257, 1) + opt


def skip_name(msg, p):
    while True:
        n = msg[p]
        if n == 0:
            return p + 1
        if n & 0xC0 == 0xC0:
            return p + 2
        p += n + 1


def has_rrsig(msg):
    ident, flags, qd, an = struct.unpack(">HHHH", msg[:8])
    if flags & 0xF != 0 or an == 0:
        return False
    p = skip_name(msg, 12) + 4
    for _ in range(an):
        p = skip_name(msg, p)
        rtype, _, _, rdlen = struct.unpack(">HHIH", msg[p:p + 10])
        if rtype == 46:
            return True
        p += 10 + rdlen
    return False


def main():
    if len(sys.argv) not in (5, 6):
        sys.exit(__doc__)
    port, qname, start, timeout = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
    pid = int(sys.argv[5]) if len(sys.argv) == 6 else None
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.settimeout(0.2)
    ident = 0
    while time.time() - start < timeout:
        if pid is not None and not os.path.exists(f"/proc/{pid}"):
            sys.exit(1)
        ident = (ident + 1) & 0xFFFF
        try:
            sock.sendto(query(qname, ident), ("127.0.0.1", port))
            reply, _ = sock.recvfrom(65535)
            if has_rrsig(reply):
                print(f"{time.time() - start:.2f}")
                return
        except OSError:
            pass
        time.sleep(0.02 if time.time() - start < 2 else 0.2)
    sys.exit(1)


if __name__ == "__main__":
    main()
