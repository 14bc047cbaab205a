#!/usr/bin/python3
"""dnspython as an independent TSIG peer for caadns's tests (Debian python3-dnspython).

  query HOST PORT NAME TYPE KEY ALG SECRET SKEW udp|tcp
      sends a query signed SKEW seconds off the real clock; prints one JSON object:
      rcode, tsig_error, verdict (what dnspython's own check of the reply says: "verified" or the
      exception name), mac_ok (the reply's MAC checked directly, even for an error reply),
      other_time (the server time a BADTIME reply gives), time_signed
  update HOST PORT ZONE KEY ALG SECRET SKEW udp|tcp OPS
      sends an RFC 2136 update built with dns.update (KEY "-" = unsigned, with EDNS so an extended
      error can come back); OPS is JSON: [["add", NAME, TTL, TYPE, RDATA], ["delete", NAME, TYPE],
      ["delete", NAME, TYPE, RDATA], ["delete", NAME]]; prints the same JSON as query, plus "ede"
  stream KEY ALG SECRET REQUEST_HEX MESSAGE_HEX...
      checks a multi-message answer to a request as dnspython's zone-transfer client does
      (every message verified, each MAC chained to the one before); prints "verified N" or the error
  sign KEY ALG SECRET NAME TYPE
      prints a signed query's wire form as hex
"""
import json
import socket
import struct
import sys
import time

import dns.edns
import dns.flags
import dns.message
import dns.rdata
import dns.rdataclass
import dns.rdatatype
import dns.wire
import dns.name
import dns.rcode
import dns.renderer
import dns.tsig
import dns.tsigkeyring
import dns.update


TSIG_ERRORS = {16: "BADSIG", 17: "BADKEY", 18: "BADTIME", 22: "BADTRUNC"}


def keyring(name, alg, secret):
    if alg == "hmac-md5":
        alg = dns.tsig.HMAC_MD5
    key = dns.tsig.Key(name, secret, alg)
    return {key.name: key}, key


def exchange(host, port, wire, tcp):
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    if tcp:
        with socket.socket(family, socket.SOCK_STREAM) as s:
            s.settimeout(3)
            s.connect((host, port))
            s.sendall(struct.pack("!H", len(wire)) + wire)
            head = s.recv(2, socket.MSG_WAITALL)
            (n,) = struct.unpack("!H", head)
            data = b""
            while len(data) < n:
                data += s.recv(n - len(data))
            return data
    with socket.socket(family, socket.SOCK_DGRAM) as s:
        s.settimeout(3)
        s.sendto(wire, (host, port))
        return s.recv(65535)


def tsig_start(reply, key):
    """Where the reply's TSIG RR starts (its owner is the key name, uncompressed), or -1."""
    return reply.rfind(key.name.to_digestable() + b"\x00\xfa\x00\xff")


def tsig_rdata(reply, key):
    """The reply's TSIG rdata, read without dnspython's checks (which refuse error replies)."""
    pos = tsig_start(reply, key) + len(key.name.to_digestable()) + 8
    (rdlen,) = struct.unpack("!H", reply[pos:pos + 2])
    parser = dns.wire.Parser(reply[pos + 2:pos + 2 + rdlen])
    return dns.rdata.from_wire_parser(dns.rdataclass.ANY, dns.rdatatype.TSIG, parser)


def direct_mac_check(reply, key, request_mac):
    """Checks the reply's MAC with dnspython's digest, also for error replies."""
    rdata = tsig_rdata(reply, key)
    if len(rdata.mac) == 0:
        return False
    (adcount,) = struct.unpack("!H", reply[10:12])
    bare = reply[0:10] + struct.pack("!H", adcount - 1) + reply[12:tsig_start(reply, key)]
    ctx = dns.tsig._digest(bare, key, rdata, None, request_mac, None, False)
    try:
        ctx.verify(rdata.mac)
        return True
    except Exception:
        return False


def query(host, port, name, rdtype, keyname, alg, secret, skew, transport):
    q = dns.message.make_query(name, rdtype)
    q.flags &= ~dns.flags.RD
    exchange_signed(host, port, q, keyname, alg, secret, skew, transport)


def update(host, port, zone, keyname, alg, secret, skew, transport, ops):
    u = dns.update.UpdateMessage(zone)
    for op in json.loads(ops):
        if op[0] == "add":
            u.add(op[1], op[2], op[3], op[4])
        elif len(op) == 2:
            u.delete(op[1])
        elif len(op) == 3:
            u.delete(op[1], op[2])
        else:
            u.delete(op[1], op[2], op[3])
    u.use_edns(0, 0, 1232)
    exchange_signed(host, port, u, keyname, alg, secret, skew, transport)


def exchange_signed(host, port, q, keyname, alg, secret, skew, transport):
    if keyname == "-":
        reply = exchange(host, port, q.to_wire(), transport == "tcp")
        m = dns.message.from_wire(reply)
        out = {"rcode": dns.rcode.to_text(m.rcode()), "verdict": "unsigned", "tsig_error": None,
               "ede": [o.text for o in m.options if o.otype == dns.edns.EDE]}
        print(json.dumps(out))
        return
    ring, key = keyring(keyname, alg, secret)
    q.use_tsig(ring, keyname, algorithm=key.algorithm)
    real = time.time
    dns.renderer.time.time = lambda: real() + skew
    try:
        wire = q.to_wire()
    finally:
        dns.renderer.time.time = real
    reply = exchange(host, port, wire, transport == "tcp")
    out = {"rcode": dns.rcode.to_text((reply[3] & 0xF))}
    try:
        m = dns.message.from_wire(reply, keyring=ring, request_mac=q.mac)
        out["verdict"] = "verified" if m.had_tsig else "unsigned"
        out["answers"] = sum(len(r) for r in m.answer)
        out["ede"] = [o.text for o in m.options if o.otype == dns.edns.EDE]
    except Exception as e:
        out["verdict"] = type(e).__name__
    if tsig_start(reply, key) > 12:
        rd = tsig_rdata(reply, key)
        out["tsig_error"] = TSIG_ERRORS.get(rd.error, str(rd.error)) if rd.error else "NOERROR"
        out["time_signed"] = rd.time_signed
        out["mac_length"] = len(rd.mac)
        if len(rd.other) == 6:
            hi, lo = struct.unpack("!HI", rd.other)
            out["other_time"] = (hi << 32) | lo
        out["mac_ok"] = direct_mac_check(reply, key, q.mac)
    else:
        out["tsig_error"] = None
    out["request_time"] = int(time.time() + skew)
    print(json.dumps(out))


def stream(keyname, alg, secret, request_hex, messages):
    ring, key = keyring(keyname, alg, secret)
    request = dns.message.from_wire(bytes.fromhex(request_hex), keyring=ring)
    ctx = None
    for i, hexwire in enumerate(messages):
        try:
            r = dns.message.from_wire(bytes.fromhex(hexwire), keyring=ring, request_mac=request.mac,
                                      xfr=True, tsig_ctx=ctx, multi=True)
        except Exception as e:
            print("message %d: %s %s" % (i, type(e).__name__, e))
            return
        if not r.had_tsig:
            print("message %d: unsigned" % i)
            return
        ctx = r.tsig_ctx
    print("verified %d" % len(messages))


def sign(keyname, alg, secret, name, rdtype):
    ring, _ = keyring(keyname, alg, secret)
    q = dns.message.make_query(name, rdtype)
    q.use_tsig(ring, keyname, algorithm=ring[dns.name.from_text(keyname)].algorithm)
    print(q.to_wire().hex())


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "query":
        query(args[0], int(args[1]), args[2], args[3], args[4], args[5], args[6], int(args[7]), args[8])
    elif cmd == "update":
        update(args[0], int(args[1]), args[2], args[3], args[4], args[5], int(args[6]), args[7], args[8])
    elif cmd == "stream":
        stream(args[0], args[1], args[2], args[3], args[4:])
    elif cmd == "sign":
        sign(*args[:5])
