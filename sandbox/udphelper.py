#!/usr/bin/env python3
"""Small UDP helpers for the danecheck sandbox, on loopback only.

--upstream ADDR:PORT --delay-ms N   forward each datagram to the upstream resolver and send the
                                    answer back N ms later (artificial latency: no netem here)
--silent                            read datagrams and never answer (a resolver that times out)
--refuse                            answer every query REFUSED (a lame authoritative server)
"""
import argparse
import asyncio
import ipaddress


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


class Proxy(asyncio.DatagramProtocol):
    def __init__(self, upstream, delay):
        self.upstream, self.delay = upstream, delay

    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        asyncio.get_running_loop().create_task(self.relay(data, addr))

    async def relay(self, data, addr):
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
        except asyncio.TimeoutError:
            pass
        finally:
            transport.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--listen", required=True)
    parser.add_argument("--upstream")
    parser.add_argument("--delay-ms", type=float, default=0)
    parser.add_argument("--silent", action="store_true")
    parser.add_argument("--refuse", action="store_true")
    args = parser.parse_args()
    loop = asyncio.get_running_loop()
    listen = split(args.listen)
    if args.silent:
        factory = Silent
    elif args.refuse:
        factory = Refuse
    else:
        upstream = split(args.upstream)
        factory = lambda: Proxy(upstream, args.delay_ms / 1000)
    await loop.create_datagram_endpoint(factory, local_addr=listen)
    await asyncio.Event().wait()


asyncio.run(main())
