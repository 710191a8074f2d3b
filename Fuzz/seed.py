#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (Fuzz/corpus/TARGET/NAME) from the running sandbox
(real answers of its resolvers, its PKI and trust anchor) and from hand-written samples. Run it
with the sandbox up; the seeds are committed, so fuzzing needs no sandbox."""
import os
import sys

import dns.flags
import dns.message
import dns.query

here = os.path.dirname(os.path.abspath(__file__))
state = os.path.join(here, "..", ".sandbox")


def put(target, name, data):
    os.makedirs(os.path.join(here, "corpus", target), exist_ok=True)
    with open(os.path.join(here, "corpus", target, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def ask(name, rdtype, server="127.53.0.2", cd=False):
    query = dns.message.make_query(name, rdtype, want_dnssec=True)
    if cd:
        query.flags |= dns.flags.CD
    return dns.query.udp(query, server, timeout=3).to_wire()


questions = [("ee311.mx.dane.test", "MX"), ("_25._tcp.ee311.dane.test", "TLSA"), ("example.test", "MX"),
             ("nx.nsec.test", "MX"), ("nx.nsec3.test", "MX"), ("_25._tcp.mx.nsec.test", "TLSA"),
             ("_25._tcp.mx.nsec3.test", "TLSA"), ("sub.optout.test", "DS"), ("x.wild.test", "MX"),
             ("x.wild3.test", "MX"), ("mail-alias.example.test", "MX"), ("_mta-sts.dane.sts.test", "TXT"),
             ("_smtp._tls.good.rpt.test", "TXT"), ("dane.test", "DNSKEY"), ("test", "DS"), (".", "SOA"),
             ("_25._tcp.mx.bigtlsa.test", "TLSA"), ("nullmx.test", "MX")]
for index, (name, rdtype) in enumerate(questions):
    wire = ask(name, rdtype)
    put("dns-response", f"{index:02d}-{name}-{rdtype}", wire)
    if rdtype in ("MX", "TLSA", "DS"):
        put("denial-proof", f"{index:02d}-{name}-{rdtype}", ask(name, rdtype, cd=True))
put("dns-response", "hostile-esc", ask("esc.hostile.test", "MX", server="127.53.1.1"))
put("dns-response", "hostile-nullmix", ask("nullmix.hostile.test", "MX", server="127.53.1.1"))

put("tlsa-rdata", "311", bytes([3, 1, 1]) + bytes(range(32)))
put("tlsa-rdata", "short", bytes([2, 0]))
put("tlsa-rdata", "200", bytes([2, 0, 0]) + bytes(300))

reply = "220 mx.example.test ESMTP\r\n250-mx.example.test\r\n250-PIPELINING\r\n250-STARTTLS\r\n250 8BITMIME\r\n" \
        "220 2.0.0 Ready to start TLS\r\n250-mx.example.test\r\n250 SIZE 10240000\r\n221 2.0.0 Bye\r\n"
for size in (1, 7, 63):
    put("smtp-reply", f"chunks-{size}", bytes([size - 1]) + reply.encode())
    put("smtp-dialogue", f"chunks-{size}", bytes([(size - 1) & 0xFE]) + reply.encode())
put("smtp-dialogue", "ehlo-refused", bytes([10]) + b"220 hi\r\n502 no\r\n250 hello\r\n221 bye\r\n")
put("smtp-reply", "greeting-421", bytes([5]) + b"421-busy\r\n421 try later\r\n")

put("http-response", "length", "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 59\r\n\r\n"
    "version: STSv1\nmode: enforce\nmx: *.example.test\nmax_age: 86400\n")
put("http-response", "chunked", "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
    "e\r\nversion: STSv1\r\n0\r\n\r\n")
put("http-response", "redirect", "HTTP/1.1 301 Moved\r\nLocation: https://x.test/\r\nConnection: close\r\n\r\n")

put("mta-sts-txt", "good", "v=STSv1; id=20190429T010101;")
put("mta-sts-txt", "two", "v=STSv1; id=a;\nv=STSv1; id=b;\nunrelated")
put("mta-sts-txt", "presentation", '"v=STSv1; " "id=\\049\\050;"')
put("mta-sts-policy", "enforce", "version: STSv1\nmode: enforce\nmx: mail.example.test\nmx: *.example.test\nmax_age: 604800\n")
put("mta-sts-policy", "crlf", "version: STSv1\r\nmode: testing\r\nmx: *.example.test\r\nmax_age: 86400\r\n")
put("tlsrpt-txt", "good", "v=TLSRPTv1; rua=mailto:tlsrpt@example.test,https://reports.example.test/v1")
put("tlsrpt-txt", "two", "v=TLSRPTv1; rua=mailto:a@b.test\nv=TLSRPTv1;\nv=spf1 -all")
put("tlsa-text", "311", "3 1 1 " + "ab" * 32)
put("tlsa-text", "file", "_25._tcp.mx.example.test. 300 IN TLSA 3 1 1 " + "cd" * 32 + "\n; comment\n2 1 1 ( " + "ef" * 32 + " )\n")
with open(os.path.join(state, "keys", "root.ds")) as f:
    put("trust-anchor", "root-ds", f.read())
put("trust-anchor", "dnskey", ". 3600 IN DNSKEY 257 3 13 " + "mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+KkxLbxILfDLUT0rAK9iUzy1L53eKGQ==\n")
put("batch-input", "lines", bytes([15]) + "example.test\n# comment\nbücher.test\n\n  spaced.test  \nbad..name\n".encode())
put("dns-name", "ascii", "example.test")
put("dns-name", "idn", "bücher.example")
put("dns-name", "tlsa", "_25._tcp.mx.example.test.")
with open(os.path.join(state, "smtp", "pki", "ee311.chain"), "rb") as f:
    put("pem-chain", "ee311", f.read())
with open(os.path.join(state, "smtp", "pki", "ta-inter.chain"), "rb") as f:
    put("pem-chain", "ta-inter", f.read())

# reply-check and tcp-framing: real answers to the targets' fixed queries (ID 0x1234), as
# replies, cut, with another ID, and framed in a stream of several.
def with_id(wire, ident=0x1234):
    return ident.to_bytes(2, "big") + wire[2:]


mx = with_id(ask("example.test", "MX"))
tlsa = with_id(ask("_25._tcp.mx.example.test", "TLSA"))
put("reply-check", "mx", bytes([0]) + mx)
put("reply-check", "tlsa-case", bytes([3]) + tlsa)
put("reply-check", "other-id", bytes([0]) + with_id(mx, 0x4321))
put("reply-check", "runt", bytes([0]) + mx[:11])
frame = lambda wire: len(wire).to_bytes(2, "big") + wire
put("tcp-framing", "two", bytes([6]) + frame(with_id(mx, 0x9999)) + frame(mx))
put("tcp-framing", "cut", bytes([0]) + frame(mx)[:-4])

# validator: a question's answer (CD=1), then DNSKEY and DS of every name from it up to the
# root, each framed as over TCP; the sandbox root key is the target's fixed anchor.
def chain(name, rdtype):
    wires = [ask(name, rdtype, cd=True)]
    labels = name.rstrip(".").split(".")
    for i in range(len(labels) + 1):
        zone = ".".join(labels[i:]) or "."
        wires.append(ask(zone, "DNSKEY", cd=True))
        if zone != ".":
            wires.append(ask(zone, "DS", cd=True))
    return b"".join(frame(w) for w in wires)


for name, rdtype in [("ee311.dane.test", "A"), ("nx.nsec.test", "MX"), ("nx.nsec3.test", "MX"), ("x.wild.test", "MX"),
                     ("x.wild3.test", "MX"), ("sub.optout.test", "DS"), ("nx.optout.test", "MX"), ("mx.insecure.test", "A"),
                     ("bogus-mx.test", "MX"), ("_25._tcp.mx.nsec3.test", "TLSA"), ("mail-alias.example.test", "MX"),
                     ("expired.test", "MX"), ("dsmismatch.test", "MX")]:
    put("validator", f"{name}-{rdtype}", chain(name, rdtype))
with open(os.path.join(state, "keys", "root.ds")) as f, open(os.path.join(here, "validator-anchor.ds"), "w") as out:
    out.write(f.read())

# run-summary: check --jsonl lines as a shard writes them (one run of the sandbox), and broken ones.
import subprocess
binary = os.path.join(here, "..", ".build", "debug", "danecheck")
jsonl = subprocess.run([binary, "check", "--jsonl", "--resolver", "127.53.0.2", "ee311.mx.dane.test", "wrongdigest.mx.dane.test",
                        "nullmx.test", "ta-inter.mx.dane.test"], capture_output=True).stdout
put("run-summary", "shard", jsonl)
put("run-summary", "broken", jsonl[:200] + b"\n{}\n[]\nnot json\n" + jsonl.split(b"\n")[0] + b"\n")

# module-file: the shipped module file and the README's.
with open(os.path.join(here, "..", "contrib", "prometheus", "danecheck-modules.yml")) as f:
    put("module-file", "shipped", f.read())
put("module-file", "flow", "modules:\n  default: { validation: resolver, resolver: [127.0.0.53], timeout: 5 }\n"
    "  strict:  { validation: local, insecure_mx: dane, mta_sts: true, require_dane: true }\n")
print("seeds written", file=sys.stderr)
