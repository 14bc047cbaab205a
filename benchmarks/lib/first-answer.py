#!/usr/bin/env python3
"""Waits until a DNS server answers, and prints how long after START that was (seconds).

usage: first-answer.py PORT QNAME START_EPOCH_SECONDS TIMEOUT_SECONDS [PID]

Asks 127.0.0.1:PORT for QNAME/A over UDP every 5 ms, every 20 ms after the first 2 s (a big zone
loads for seconds to minutes, and the polling should not steal the loading server's CPU). The first reply with rcode NOERROR and at
least one answer record counts: a server that is up but still loading (SERVFAIL, REFUSED) does not.
With PID, gives up as soon as that process is gone. Exits 1 on timeout."""
import os
import socket
import struct
import sys
import time


def query(qname, ident):
    header = struct.pack(">HHHHHH", ident, 0x0100, 1, 0, 0, 0)
    name = b"".join(bytes([len(label)]) + label.encode() for label in qname.rstrip(".").split("."))
    return header + name + b"\x00" + struct.pack(">HH", 1, 1)


def main():
    if len(sys.argv) not in (5, 6):
        sys.exit(__doc__)
    port, qname, start, timeout = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
    pid = int(sys.argv[5]) if len(sys.argv) == 6 else None
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    ident = 0
    while time.time() - start < timeout:
        sock.settimeout(0.005 if time.time() - start < 2 else 0.02)
        if pid is not None and not os.path.exists(f"/proc/{pid}"):
            sys.exit(f"first-answer: process {pid} exited before answering")
        ident = (ident + 1) & 0xffff
        sock.sendto(query(qname, ident), ("127.0.0.1", port))
        try:
            while True:
                reply = sock.recv(4096)
                rid, flags, _, ancount = struct.unpack(">HHHH", reply[:8])
                if rid == ident and flags & 0x000f == 0 and ancount > 0:
                    print(f"{time.time() - start:.3f}")
                    return
        except (socket.timeout, ConnectionRefusedError):
            pass
    sys.exit(f"first-answer: no answer from 127.0.0.1:{port} within {timeout:.0f} s")


if __name__ == "__main__":
    main()
