#!/usr/bin/env python3
"""A TCP proxy that adds latency, for the benchmark (this kernel has no netem), on loopback only.

    tcpdelay.py --delay-ms D LISTEN=UPSTREAM [LISTEN=UPSTREAM ...]     (ADDR:PORT each)

Each direction is delayed by D/2, so a request and its answer take one round trip of D. The
server's first bytes (the SMTP greeting) wait one more D: the TCP handshake happens at the proxy,
so the round trip a real connect costs is added there.
"""
import argparse
import asyncio
import ipaddress


def split(hostport):
    host, port = hostport.rsplit(":", 1)
    if not ipaddress.ip_address(host).is_loopback:
        raise SystemExit(f"refusing non-loopback address {host}")
    return host, int(port)


async def pump(reader, writer, delay, first_extra=0.0):
    extra = first_extra
    try:
        while True:
            data = await reader.read(65536)
            if not data:
                break
            await asyncio.sleep(delay + extra)
            extra = 0.0
            writer.write(data)
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--delay-ms", type=float, required=True)
    parser.add_argument("routes", nargs="+")
    args = parser.parse_args()
    rtt = args.delay_ms / 1000

    async def serve(upstream, client_reader, client_writer):
        try:
            server_reader, server_writer = await asyncio.open_connection(*upstream)
        except OSError:
            client_writer.close()
            return
        # Ordered per direction: chunks of one direction are delayed one after another.
        await asyncio.gather(pump(client_reader, server_writer, rtt / 2),
                             pump(server_reader, client_writer, rtt / 2, first_extra=rtt))

    servers = []
    for route in args.routes:
        listen, upstream = route.split("=")
        host, port = split(listen)
        target = split(upstream)
        servers.append(await asyncio.start_server(lambda r, w, t=target: serve(t, r, w), host, port))
    await asyncio.gather(*(s.serve_forever() for s in servers))


asyncio.run(main())
