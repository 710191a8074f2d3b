#!/usr/bin/env python3
"""Small UDP helpers for the danecheck sandbox, on loopback only.

--upstream ADDR:PORT --delay-ms N   forward each datagram to the upstream resolver and send the
                                    answer back N ms later (artificial latency: no netem here)
--silent                            read datagrams and never answer (a resolver that times out)
--refuse                            answer every query REFUSED (a lame authoritative server)
--nxdomain-for NAME (repeatable)    with --upstream: answer NXDOMAIN for NAME and every name under
                                    it ("." for the root name only), forward the rest (a filtering
                                    or sinkhole resolver)
--refused-for NAME (repeatable)     likewise, answering REFUSED (a resolver for a private tree only)
--log FILE                          with --upstream: one line per query relayed, written when its
                                    answer is sent: "START END NAME TYPE" (milliseconds on a
                                    monotonic clock): which queries were in flight at once
"""
import argparse
import asyncio
import ipaddress
import signal
import time


def split(hostport):
    host, port = hostport.rsplit(":", 1)
    if not ipaddress.ip_address(host).is_loopback:
        raise SystemExit(f"refusing non-loopback address {host}")
    return host, int(port)


class Silent(asyncio.DatagramProtocol):
    def datagram_received(self, data, addr):
        pass


class Refuse(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        if len(data) < 12:
            return
        # Same ID and question; QR=1, RD copied, RCODE=5; no answer, authority or additional.
        flags = 0x8000 | (data[2] << 8 & 0x0100) | 5
        qdcount = int.from_bytes(data[4:6], "big")
        header = data[0:2] + flags.to_bytes(2, "big") + qdcount.to_bytes(2, "big") + bytes(6)
        end = 12
        if qdcount == 1:
            while end < len(data) and data[end] != 0:
                end += data[end] + 1
            end += 5
        self.transport.sendto(header + data[12:end] if qdcount == 1 else header, addr)


def question(data):
    """The question name of a query, lower-cased, as labels; the offset after QTYPE and QCLASS."""
    labels, end = [], 12
    while end < len(data) and data[end] != 0:
        length = data[end]
        labels.append(data[end + 1:end + 1 + length].decode("ascii", "replace").lower())
        end += length + 1
    return labels, end + 5


def answer_rcode(data, rcode):
    """Same ID and question; QR=1, RD copied, RA=1, the RCODE; no answer, authority or additional."""
    flags = 0x8080 | (data[2] << 8 & 0x0100) | rcode
    _, end = question(data)
    return data[0:2] + flags.to_bytes(2, "big") + (1).to_bytes(2, "big") + bytes(6) + data[12:end]


class Proxy(asyncio.DatagramProtocol):
    def __init__(self, upstream, delay, denied=(), log=None, refused=()):
        self.upstream, self.delay, self.log = upstream, delay, log
        self.denied = [([label for label in name.lower().split(".") if label], 3) for name in denied] \
            + [([label for label in name.lower().split(".") if label], 5) for name in refused]

    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        if len(data) > 12 and int.from_bytes(data[4:6], "big") == 1 and self.denied:
            labels, _ = question(data)
            # "." is the root name itself; any other name covers its subtree.
            for name, rcode in self.denied:
                if (len(labels) >= len(name) and labels[len(labels) - len(name):] == name) if name else not labels:
                    self.transport.sendto(answer_rcode(data, rcode), addr)
                    return
        asyncio.get_running_loop().create_task(self.relay(data, addr))

    async def relay(self, data, addr):
        started = time.monotonic()
        loop = asyncio.get_running_loop()
        answer = loop.create_future()

        class Upstream(asyncio.DatagramProtocol):
            def datagram_received(self, reply, _):
                if not answer.done():
                    answer.set_result(reply)

        transport, _ = await loop.create_datagram_endpoint(Upstream, remote_addr=self.upstream)
        try:
            transport.sendto(data)
            reply = await asyncio.wait_for(answer, 10)
            await asyncio.sleep(self.delay)
            self.transport.sendto(reply, addr)
            if self.log:
                labels, end = question(data)
                qtype = int.from_bytes(data[end - 4:end - 2], "big")
                with open(self.log, "a") as f:
                    f.write(f"{started * 1000:.1f} {time.monotonic() * 1000:.1f} {'.'.join(labels)}. {qtype}\n")
        except asyncio.TimeoutError:
            pass
        finally:
            transport.close()


async def main():
    # Started by a test process, this one inherits its blocked signals: let SIGTERM end it.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
    parser = argparse.ArgumentParser()
    parser.add_argument("--listen", required=True)
    parser.add_argument("--upstream")
    parser.add_argument("--delay-ms", type=float, default=0)
    parser.add_argument("--silent", action="store_true")
    parser.add_argument("--refuse", action="store_true")
    parser.add_argument("--nxdomain-for", action="append", default=[])
    parser.add_argument("--refused-for", action="append", default=[])
    parser.add_argument("--log")
    args = parser.parse_args()
    loop = asyncio.get_running_loop()
    listen = split(args.listen)
    if args.silent:
        factory = Silent
    elif args.refuse:
        factory = Refuse
    else:
        upstream = split(args.upstream)
        factory = lambda: Proxy(upstream, args.delay_ms / 1000, args.nxdomain_for, args.log, args.refused_for)
    await loop.create_datagram_endpoint(factory, local_addr=listen)
    await asyncio.Event().wait()


asyncio.run(main())
