#!/usr/bin/env python3
"""Sends mutated DNS messages to a caadns on loopback over UDP, TCP and DoH and says what came back.

usage: soak.py PID UDP_TCP_PORT DOH_PORT COUNT MAX_SECONDS

COUNT messages in all (UDP 80 %, TCP 15 % in pipelined batches, DoH 5 % as HTTP/1.1 POST bodies
over TLS), each a seed query with random mutations (bit flips, bytes inserted, removed, replaced,
truncated or appended; header counts and flags scrambled); TCP batches sometimes carry a wrong
length prefix. Every 10,000 messages a probe asks SOA lab.test. over UDP and TCP and must get
NOERROR with the SOA within 2 s. Stops after COUNT messages or MAX_SECONDS, whichever comes first.
Prints one JSON object: messages sent per transport, replies, probes and probes failed, RSS of
PID (and its children) before and after, in KiB. Only ever talks to 127.0.0.1."""
import json
import os
import random
import socket
import ssl
import struct
import subprocess
import sys
import time

HOST = "127.0.0.1"
HERE = os.path.dirname(os.path.abspath(__file__))


def name(text):
    out = b""
    for label in text.rstrip(".").split("."):
        out += bytes([len(label)]) + label.encode()
    return out + b"\0"


def query(qid, qname, qtype, edns=True, extra=b""):
    header = struct.pack(">HHHHHH", qid, 0x0100, 1, 0, 0, 1 if edns else 0)
    body = name(qname) + struct.pack(">HH", qtype, 1)
    if edns:
        options = extra
        body += b"\0" + struct.pack(">HHIH", 41, 1232, 0, len(options)) + options
    return header + body


SEEDS = [
    query(1, "lab.test.", 257),
    query(2, "shop.lab.test.", 257),
    query(3, "big.lab.test.", 257),
    query(4, "www.lab.test.", 1),
    query(5, "lab.test.", 255),
    query(6, "nothere.lab.test.", 16, edns=False),
    query(7, "lab.test.", 6, extra=struct.pack(">HH", 10, 8) + os.urandom(8)),   # client cookie
    query(8, "lab.test.", 252),                                                    # AXFR
    query(9, "x.customers.lab.test.", 257, extra=struct.pack(">HH", 12, 40) + bytes(40)),  # padding
    bytes.fromhex("abcd28000001000000000000") + name("lab.test.") + struct.pack(">HH", 6, 1),  # UPDATE
]


def mutate(rng, seed):
    data = bytearray(seed)
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(8)
        if op == 0 and data:
            i = rng.randrange(len(data))
            data[i] ^= 1 << rng.randrange(8)
        elif op == 1:
            i = rng.randrange(len(data) + 1)
            data[i:i] = os.urandom(rng.randint(1, 8))
        elif op == 2 and data:
            i = rng.randrange(len(data))
            del data[i:i + rng.randint(1, 8)]
        elif op == 3 and data:
            data[rng.randrange(len(data))] = rng.randrange(256)
        elif op == 4:
            del data[rng.randrange(len(data) + 1):]
        elif op == 5:
            data += os.urandom(rng.randint(1, 64))
        elif op == 6 and len(data) >= 12:
            data[4 + 2 * rng.randrange(4):6 + 2 * rng.randrange(4)] = os.urandom(2)
        elif op == 7 and len(data) >= 4:
            data[2:4] = os.urandom(2)
    return bytes(data[:65535])


def rss(pid):
    out = subprocess.run([sys.executable, os.path.join(HERE, "..", "lib", "mem.py"), str(pid)],
                         capture_output=True, text=True, check=True).stdout.split()
    return int(out[0])


def read_exact(sock, n):
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return buf


def probe(port):
    """SOA lab.test. over UDP and TCP; True when both answer NOERROR with one answer record."""
    q = query(0x5050, "lab.test.", 6)
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u:
            u.settimeout(2)
            u.sendto(q, (HOST, port))
            r = u.recv(65535)
            if r[:2] != q[:2] or r[3] & 0x0f != 0 or struct.unpack(">H", r[6:8])[0] < 1:
                return False
        with socket.create_connection((HOST, port), timeout=2) as t:
            t.sendall(struct.pack(">H", len(q)) + q)
            length = read_exact(t, 2)
            r = length and read_exact(t, struct.unpack(">H", length)[0])
            return bool(r) and r[:2] == q[:2] and r[3] & 0x0f == 0
    except OSError:
        return False


class Doh:
    def __init__(self, port):
        self.port = port
        self.ctx = ssl.create_default_context()
        self.ctx.check_hostname = False
        self.ctx.verify_mode = ssl.CERT_NONE  # the lab CA; loopback only
        self.sock = None

    def send(self, body):
        """POSTs one body; True when an HTTP reply came back."""
        for _ in range(2):
            try:
                if self.sock is None:
                    raw = socket.create_connection((HOST, self.port), timeout=2)
                    self.sock = self.ctx.wrap_socket(raw, server_hostname="localhost")
                self.sock.sendall(b"POST /dns-query HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                  b"Content-Type: application/dns-message\r\nAccept: application/dns-message\r\n"
                                  + b"Content-Length: %d\r\n\r\n" % len(body) + body)
                head = b""
                while b"\r\n\r\n" not in head:
                    chunk = self.sock.recv(4096)
                    if not chunk:
                        raise OSError("closed")
                    head += chunk
                top, rest = head.split(b"\r\n\r\n", 1)
                length = 0
                for line in top.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":")[1])
                while len(rest) < length:
                    chunk = self.sock.recv(length - len(rest))
                    if not chunk:
                        raise OSError("closed")
                    rest += chunk
                if b"connection: close" in top.lower():
                    self.close()
                return True
            except (OSError, ValueError):
                self.close()
        return False

    def close(self):
        if self.sock is not None:
            self.sock.close()
            self.sock = None


def main():
    pid, port, doh_port, count, max_seconds = (int(a) for a in sys.argv[1:6])
    rng = random.Random(1)
    stats = {"sent": {"udp": 0, "tcp": 0, "doh": 0}, "replies": {"udp": 0, "tcp": 0, "doh": 0},
             "probes": 0, "probes_failed": 0}
    stats["rss_kib_before"] = rss(pid)
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.setblocking(False)
    doh = Doh(doh_port) if doh_port else None
    start = time.monotonic()
    sent = 0
    next_probe = 0
    while sent < count and time.monotonic() - start < max_seconds:
        if sent >= next_probe:
            stats["probes"] += 1
            stats["probes_failed"] += 0 if probe(port) else 1
            next_probe += 10_000
        kind = rng.random()
        if kind < 0.80 or (kind >= 0.95 and doh is None):
            for _ in range(64):
                try:
                    udp.sendto(mutate(rng, rng.choice(SEEDS)), (HOST, port))
                except (BlockingIOError, OSError):
                    pass
                stats["sent"]["udp"] += 1
            sent += 64
            deadline = time.monotonic() + 0.005
            while time.monotonic() < deadline:
                try:
                    udp.recv(65535)
                    stats["replies"]["udp"] += 1
                except BlockingIOError:
                    time.sleep(0.0005)
        elif kind < 0.95:
            batch = b""
            n = 50
            for _ in range(n):
                m = mutate(rng, rng.choice(SEEDS))
                prefix = len(m) if rng.random() > 0.02 else rng.randrange(65536)
                batch += struct.pack(">H", prefix) + m
            stats["sent"]["tcp"] += n
            sent += n
            try:
                with socket.create_connection((HOST, port), timeout=2) as t:
                    t.sendall(batch)
                    t.shutdown(socket.SHUT_WR)
                    while True:
                        length = read_exact(t, 2)
                        if not length or not read_exact(t, struct.unpack(">H", length)[0]):
                            break
                        stats["replies"]["tcp"] += 1
            except OSError:
                pass
        else:
            for _ in range(20):
                stats["sent"]["doh"] += 1
                stats["replies"]["doh"] += 1 if doh.send(mutate(rng, rng.choice(SEEDS))) else 0
            sent += 20
    if doh:
        doh.close()
    stats["probes"] += 1
    stats["probes_failed"] += 0 if probe(port) else 1
    stats["seconds"] = round(time.monotonic() - start, 1)
    stats["messages"] = sum(stats["sent"].values())
    stats["rss_kib_after"] = rss(pid)
    print(json.dumps(stats, indent=2))


if __name__ == "__main__":
    main()
