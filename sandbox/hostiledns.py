#!/usr/bin/env python3
"""A hostile recursive resolver for the danecheck sandbox, on loopback only. danecheck is pointed
straight at it (--resolver 127.53.1.1); it answers for names under hostile.test. and misbehaves
as the first label of the name says. Nothing here is a real server's behaviour on purpose: it
is the attacker and the broken resolver that the tests need.

Addresses:
    127.53.1.1:53    UDP and TCP: the behaviours below
    127.53.1.2:53    UDP: source of the "reply from another address" forgeries
    127.53.1.1:5353  UDP: source of the "reply from another port" forgeries
    127.53.1.3:53    UDP only, no TCP listener: every answer is truncated (TC=1)

Behaviours, by the first label of the question name (e.g. "wrongid.hostile.test. MX"):
    genuine          MX 10 mx.genuine.hostile.test., AD=0
    wrongid          a forged answer (MX mx.forged..., AD=1) with another ID; nothing else
    wrongname        the forgery names another question name
    wrongtype        the forgery names another question type
    wrongclass       the forgery names another question class
    wrongsource      the forgery comes from 127.53.1.2:53
    wrongport        the forgery comes from 127.53.1.1:5353
    notresponse      the forgery has QR=0
    badopcode        the forgery has opcode 2 (STATUS)
    (each of these ending in "-then": the forgery first, the genuine answer 150 ms later)
    casefolded       the genuine answer, its question name in other letter case (must be accepted)
    mxloop           the MX name is a CNAME loop (mxloop -> a.mxloop -> mxloop)
    hostloop         MX 10 loop.hostloop...; the host's A/AAAA are a CNAME loop
    longchain        the MX name starts a chain of 20 CNAMEs
    nullmix          MX 0 . beside MX 10 mx.nullmix...
    shorttlsa        MX 10 mx.shorttlsa..., A 127.0.10.1, a TLSA record of 2 octets of rdata (alone)
    shorttlsa2       as shorttlsa, with a well-formed 3 1 1 record beside the short one
    longname         MX 10 a host name of 250 octets (its TLSA owner name would be 259)
    tcpforged        the UDP answer is truncated; over TCP a reply with another ID comes first,
                     then the genuine one
    whoami           TXT "port P id I": the source port and ID the query came with
    esc              _mta-sts TXT and the MX host name carry ESC and BEL
    bigid            _mta-sts TXT whose id is 59 KB long (TCP)
    runt             the genuine MX answer without EDNS, its last 3 octets cut off: the message
                     ends inside its answer section (a malformed response)
It claims to validate (the root SOA comes with AD=1); the hosts' addresses and TLSA records
come with AD=1, the MX RRsets with AD=0 unless a forgery says otherwise.
"""
import asyncio
import sys

import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.opcode
import dns.rcode
import dns.rdata
import dns.rdataclass
import dns.rdatatype
import dns.rrset

ZONE = dns.name.from_text("hostile.test.")
MAIN, ALT_ADDRESS, TRUNCATING = "127.53.1.1", "127.53.1.2", "127.53.1.3"
ALT_PORT = 5353
FORGERIES = ["wrongid", "wrongname", "wrongtype", "wrongclass", "wrongsource", "wrongport", "notresponse",
             "badopcode"]
LONG_HOST = ".".join(["h" * 60, "h" * 60, "h" * 60, "h" * 40]) + ".longname.hostile.test."
TLSA_311 = "3 1 1 " + "ab" * 32


def rrset(name, rdtype, *texts, ttl=300):
    return dns.rrset.from_text(name, ttl, "IN", rdtype, *texts)


def behaviour(qname):
    if not qname.is_subdomain(ZONE) or qname == ZONE:
        return ""
    return qname.relativize(ZONE).labels[-1].decode().lower()


def answer(query, forged=False, source=None):
    """The response to a query: the behaviour's data (forged data when asked); `source` is the
    (address, port) it came from."""
    question = query.question[0]
    qname, qtype = question.name, question.rdtype
    word = behaviour(qname)
    base = word[:-5] if word.endswith("-then") else word
    response = dns.message.make_response(query)
    response.flags |= dns.flags.RA
    secure = qtype in (dns.rdatatype.A, dns.rdatatype.AAAA, dns.rdatatype.TLSA)
    if qname == dns.name.root and qtype == dns.rdatatype.SOA:
        # It claims to validate: the root SOA with AD=1, as a validating resolver answers it.
        response.answer.append(rrset(qname, "SOA", "a.root.test. root.test. 1 1800 900 604800 86400"))
        response.flags |= dns.flags.AD
        return response
    if qtype == dns.rdatatype.MX and qname == dns.name.from_text(f"{word}.hostile.test."):
        if forged:
            response.answer.append(rrset(qname, "MX", f"10 mx.forged.{word}.hostile.test."))
            response.flags |= dns.flags.AD
            return response
        if base in FORGERIES or base in ("genuine", "casefolded", "tcpforged", "runt"):
            response.answer.append(rrset(qname, "MX", f"10 mx.genuine.{word}.hostile.test."))
        elif base == "mxloop":
            other = dns.name.from_text("a.mxloop.hostile.test.")
            response.answer.append(rrset(qname, "CNAME", other.to_text()))
            response.answer.append(rrset(other, "CNAME", qname.to_text()))
        elif base == "longchain":
            names = [qname] + [dns.name.from_text(f"c{i}.longchain.hostile.test.") for i in range(1, 21)]
            for here, there in zip(names, names[1:]):
                response.answer.append(rrset(here, "CNAME", there.to_text()))
        elif base == "hostloop":
            response.answer.append(rrset(qname, "MX", "10 loop.hostloop.hostile.test."))
        elif base == "nullmix":
            response.answer.append(rrset(qname, "MX", "0 .", "10 mx.nullmix.hostile.test."))
        elif base in ("shorttlsa", "shorttlsa2"):
            response.answer.append(rrset(qname, "MX", f"10 mx.{base}.hostile.test."))
        elif base == "longname":
            response.answer.append(rrset(qname, "MX", "10 " + LONG_HOST))
        elif base == "esc":
            response.answer.append(rrset(qname, "MX", "10 mx\\027\\007.esc.hostile.test."))
        elif base == "bigid":
            response.answer.append(rrset(qname, "MX", "10 mx.bigid.hostile.test."))
        return response
    if base == "hostloop" and qtype in (dns.rdatatype.A, dns.rdatatype.AAAA):
        other = dns.name.from_text("loop2.hostloop.hostile.test.")
        response.answer.append(rrset(qname, "CNAME", other.to_text()))
        response.answer.append(rrset(other, "CNAME", qname.to_text()))
        return response
    if qtype == dns.rdatatype.A and qname.labels[0] != b"_mta-sts":
        response.answer.append(rrset(qname, "A", "127.0.10.1"))
        response.flags |= dns.flags.AD
        return response
    if qtype == dns.rdatatype.TLSA and base in ("shorttlsa", "shorttlsa2"):
        records = [dns.rdata.GenericRdata(dns.rdataclass.IN, dns.rdatatype.TLSA, b"\x03\x01")]
        if base == "shorttlsa2":
            records.append(dns.rdata.from_text("IN", "TLSA", TLSA_311))
        tlsa = dns.rrset.RRset(qname, dns.rdataclass.IN, dns.rdatatype.TLSA)
        for record in records:
            tlsa.add(record, 300)
        response.answer.append(tlsa)
        response.flags |= dns.flags.AD
        return response
    if qtype == dns.rdatatype.TXT and base == "whoami" and source:
        response.answer.append(rrset(qname, "TXT", f'"port {source[1]} id {query.id}"'))
        return response
    if qtype == dns.rdatatype.TXT and qname.labels[0] == b"_mta-sts":
        if base == "esc":
            response.answer.append(rrset(qname, "TXT", '"v=STSv1; id=\\027[31mred\\007;"'))
        elif base == "bigid":
            text = "v=STSv1; id=" + "a" * (59 * 1024) + ";"
            chunks = " ".join('"' + text[i:i + 255] + '"' for i in range(0, len(text), 255))
            response.answer.append(rrset(qname, "TXT", chunks))
        return response
    if secure:
        response.flags |= dns.flags.AD
    # Anything else: NODATA, with an SOA for the negative TTL.
    response.authority.append(rrset(ZONE, "SOA", "ns.hostile.test. root.hostile.test. 1 3600 600 86400 60"))
    return response


def forgery(query, kind):
    """The forged reply of each kind: right in every respect but one."""
    forged = answer(query, forged=True)
    if kind == "wrongid":
        forged.id = (query.id + 1) % 65536
    elif kind in ("wrongname", "wrongtype", "wrongclass"):
        asked = query.question[0]
        name = dns.name.from_text("other.hostile.test.") if kind == "wrongname" else asked.name
        rdclass = dns.rdataclass.CH if kind == "wrongclass" else asked.rdclass
        rdtype = dns.rdatatype.A if kind == "wrongtype" else asked.rdtype
        forged.question = [dns.rrset.RRset(name, rdclass, rdtype)]
    elif kind == "notresponse":
        forged.flags &= ~dns.flags.QR
    elif kind == "badopcode":
        forged.set_opcode(dns.opcode.STATUS)
    return forged


def to_wire(message, limit=65535):
    return message.to_wire(max_size=limit)


def reply_case_folded(wire, query):
    """The question name's letters flipped in case, in the wire form (same name to DNS)."""
    raw = bytearray(wire)
    end = 12
    while raw[end] != 0:
        length = raw[end]
        for index in range(end + 1, end + 1 + length):
            if 65 <= raw[index] <= 90 or 97 <= raw[index] <= 122:
                raw[index] ^= 0x20
        end += length + 1
    return bytes(raw)


class Main(asyncio.DatagramProtocol):
    def __init__(self, alternates):
        self.alternates = alternates

    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        asyncio.get_running_loop().create_task(self.serve(data, addr))

    async def serve(self, data, addr):
        try:
            query = dns.message.from_wire(data)
        except Exception:
            return
        word = behaviour(query.question[0].name) if query.question else ""
        base = word[:-5] if word.endswith("-then") else word
        if base in FORGERIES and query.question[0].rdtype == dns.rdatatype.MX:
            forged = to_wire(forgery(query, base))
            sender = self.alternates.get(base, self.transport)
            sender.sendto(forged, addr)
            if not word.endswith("-then"):
                return
            await asyncio.sleep(0.15)
        limit = 512
        if query.edns >= 0:
            limit = max(512, query.payload)
        reply = answer(query, source=addr)
        try:
            if base == "tcpforged":
                raise dns.exception.TooBig  # over UDP, always truncated
            wire = to_wire(reply, limit)
        except dns.exception.TooBig:
            reply = dns.message.make_response(query)
            reply.flags |= dns.flags.TC
            wire = to_wire(reply)
        if base == "casefolded":
            wire = reply_case_folded(wire, query)
        if base == "runt" and query.question[0].rdtype == dns.rdatatype.MX:
            reply.use_edns(False)
            wire = to_wire(reply)[:-3]
        self.transport.sendto(wire, addr)


class Truncating(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        try:
            query = dns.message.from_wire(data)
        except Exception:
            return
        reply = dns.message.make_response(query)
        reply.flags |= dns.flags.TC
        self.transport.sendto(to_wire(reply), addr)


class Silent(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        pass


async def serve_tcp(reader, writer):
    try:
        while True:
            head = await asyncio.wait_for(reader.readexactly(2), 10)
            data = await asyncio.wait_for(reader.readexactly(int.from_bytes(head, "big")), 10)
            query = dns.message.from_wire(data)
            if query.question and behaviour(query.question[0].name) == "tcpforged":
                forged = to_wire(forgery(query, "wrongid"))
                writer.write(len(forged).to_bytes(2, "big") + forged)
            wire = to_wire(answer(query))
            writer.write(len(wire).to_bytes(2, "big") + wire)
            await writer.drain()
    except (asyncio.IncompleteReadError, asyncio.TimeoutError, ConnectionError, dns.exception.DNSException):
        pass
    finally:
        writer.close()


async def main():
    loop = asyncio.get_running_loop()
    alt_address, _ = await loop.create_datagram_endpoint(Silent, local_addr=(ALT_ADDRESS, 53))
    alt_port, _ = await loop.create_datagram_endpoint(Silent, local_addr=(MAIN, ALT_PORT))
    alternates = {"wrongsource": alt_address, "wrongport": alt_port}
    await loop.create_datagram_endpoint(lambda: Main(alternates), local_addr=(MAIN, 53))
    await loop.create_datagram_endpoint(Truncating, local_addr=(TRUNCATING, 53))
    server = await asyncio.start_server(serve_tcp, MAIN, 53)
    print(f"hostile dns: {MAIN} (udp, tcp), forgeries from {ALT_ADDRESS}:53 and {MAIN}:{ALT_PORT}, "
          f"truncating {TRUNCATING} (udp only)", file=sys.stderr)
    await server.serve_forever()


asyncio.run(main())
