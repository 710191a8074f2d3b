#!/usr/bin/env python3
"""Misbehaving SMTP peers for the danecheck sandbox, one behaviour per loopback address
(127.0.11.1-10, port 25). No real server misbehaves on demand; these do, and nothing else.

    silent       accepts and never speaks
    drip         sends its greeting one byte per second
    longline     sends 1 MB without CRLF
    garbage      sends binary garbage
    greeting421  greets with 421 and closes
    starttls454  offers STARTTLS, answers it with 454
    starttls501  offers STARTTLS, answers it with 501
    tlsalert     accepts STARTTLS, answers the ClientHello with a fatal TLS alert
    reset        accepts STARTTLS, resets the connection during the handshake
    plaintext    accepts STARTTLS, then keeps speaking plaintext SMTP
    slowtls      a correct but slow TLS peer: the handshake starts 2 s after the 220 and the
                 EHLO over TLS is answered 2 s later; it answers EHLO with 554 unless the SNI
                 was h-slowtls.dane.test (127.0.11.11; needs the PKI directory as argument)
    controls     terminal control sequences (ESC, BEL, OSC, CSI) in its greeting and in its
                 answer to STARTTLS (454), as a hostile server would send them (127.0.11.12)
    tlsbreak     completes the TLS handshake, then answers the EHLO over TLS with bytes that are
                 no TLS record of the session (a TLS error after the handshake; 127.0.11.13)
An HTTPS server on 127.0.14.2:443 (with the PKI) serves mta-sts.noclose.sts.test's MTA-STS
policy and then drops the connection without a TLS close_notify (as some servers do).

    plaintextlate  accepts STARTTLS, waits for the ClientHello, then answers it in plaintext SMTP
                 (the client's TLS reads a record that is none; 127.0.11.14). Unlike "plaintext",
                 whose plaintext comes in the same write as the 220 and is discarded by the client.
"""
import asyncio
import os
import random
import socket
import ssl
import struct
import sys

BEHAVIOURS = ["silent", "drip", "longline", "garbage", "greeting421", "starttls454", "starttls501",
              "tlsalert", "reset", "plaintext"]
HOLD = 120  # seconds a peer that stalls keeps the connection open


async def dialogue(name, reader, writer):
    """Greets, answers EHLO with STARTTLS, and returns once the client sent STARTTLS."""
    writer.write(f"220 h-{name}.dane.test ESMTP\r\n".encode())
    await writer.drain()
    return await dialogue_after_greeting(reader, writer, name)


async def dialogue_after_greeting(reader, writer, name):
    while True:
        line = await asyncio.wait_for(reader.readline(), HOLD)
        if not line:
            return False
        verb = line.strip().upper()
        if verb.startswith(b"EHLO"):
            writer.write(f"250-h-{name}.dane.test\r\n250-PIPELINING\r\n250 STARTTLS\r\n".encode())
        elif verb == b"STARTTLS":
            return True
        elif verb == b"QUIT":
            writer.write(b"221 2.0.0 Bye\r\n")
            await writer.drain()
            return False
        else:
            writer.write(b"502 5.5.2 Not here\r\n")
        await writer.drain()


async def serve(name, reader, writer):
    try:
        if name == "silent":
            await asyncio.sleep(HOLD)
        elif name == "drip":
            for byte in f"220 h-{name}.dane.test ESMTP\r\n".encode():
                writer.write(bytes([byte]))
                await writer.drain()
                await asyncio.sleep(1)
        elif name == "longline":
            writer.write(b"220 " + b"x" * (1 << 20))
            await writer.drain()
            await asyncio.sleep(HOLD)
        elif name == "garbage":
            writer.write(random.Random(7).randbytes(4096))
            await writer.drain()
            await asyncio.sleep(HOLD)
        elif name == "greeting421":
            writer.write(b"421 4.3.2 h-greeting421.dane.test Service not available\r\n")
            await writer.drain()
        elif name in ("starttls454", "starttls501"):
            if await dialogue(name, reader, writer):
                answer = b"454 4.7.0 TLS not available\r\n" if name == "starttls454" else b"501 5.5.4 Syntax error\r\n"
                writer.write(answer)
                await writer.drain()
                await dialogue_rest(reader, writer)
        elif name == "controls":
            writer.write(b"220 h-controls.dane.test \x1b]0;owned\x07\x1b[2J ESMTP\r\n")
            await writer.drain()
            if await dialogue_after_greeting(reader, writer, name):
                writer.write(b"454 4.7.0 \x1b[31mno TLS\x1b[0m\xc2\x9b1m here\r\n")
                await writer.drain()
                await dialogue_rest(reader, writer)
        elif name == "tlsbreak":
            if await dialogue(name, reader, writer):
                writer.transport.pause_reading()
                writer.write(b"220 2.0.0 Ready to start TLS\r\n")
                await writer.drain()
                context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
                context.load_cert_chain(os.path.join(PKI, "h-slowtls.chain"), os.path.join(PKI, "h-slowtls.key"))
                await writer.start_tls(context)
                await asyncio.wait_for(reader.readline(), HOLD)  # EHLO over TLS
                # A plaintext fatal alert where only records of the session may come.
                os.write(writer.get_extra_info("socket").fileno(), bytes([21, 3, 3, 0, 2, 2, 40]))
                await asyncio.sleep(2)
        elif name == "slowtls":
            if await dialogue(name, reader, writer):
                await slow_tls(reader, writer)
        elif await dialogue(name, reader, writer):
            if name == "plaintextlate":
                writer.write(b"220 2.0.0 Ready to start TLS\r\n")
                await writer.drain()
                await reader.read(5)  # the start of the ClientHello, answered in plaintext
                writer.write(b"250 h-plaintextlate.dane.test still in plaintext\r\n")
                await writer.drain()
                await asyncio.sleep(HOLD)
                return
            if name == "plaintext":
                # In the same write as the 220: an injection attempt (RFC 3207 §4.2 discards it).
                writer.write(b"220 2.0.0 Ready to start TLS\r\n220 h-plaintext.dane.test ESMTP still in plaintext\r\n")
                await writer.drain()
                await asyncio.sleep(HOLD)
                return
            writer.write(b"220 2.0.0 Ready to start TLS\r\n")
            await writer.drain()
            await reader.read(5)  # the start of the ClientHello
            if name == "tlsalert":
                writer.write(bytes([21, 3, 3, 0, 2, 2, 40]))  # fatal handshake_failure
                await writer.drain()
            else:
                sock = writer.get_extra_info("socket")
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except (asyncio.TimeoutError, ConnectionError):
        pass
    finally:
        writer.close()


async def slow_tls(reader, writer):
    # Keep the ClientHello in the kernel until the TLS layer reads it (not in the plain buffer).
    writer.transport.pause_reading()
    writer.write(b"220 2.0.0 Ready to start TLS\r\n")
    await writer.drain()
    await asyncio.sleep(2.0)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(os.path.join(PKI, "h-slowtls.chain"), os.path.join(PKI, "h-slowtls.key"))
    names = []
    context.sni_callback = lambda sslobj, name, ctx: names.append(name)
    await writer.start_tls(context)
    await asyncio.wait_for(reader.readline(), HOLD)  # EHLO over TLS
    await asyncio.sleep(2.0)
    if names == ["h-slowtls.dane.test"]:
        writer.write(b"250 h-slowtls.dane.test\r\n")
    else:
        writer.write(f"554 5.7.0 expected SNI h-slowtls.dane.test, got {names}\r\n".encode())
    await writer.drain()
    await dialogue_rest(reader, writer)


async def dialogue_rest(reader, writer):
    while True:
        line = await asyncio.wait_for(reader.readline(), HOLD)
        if not line:
            return
        if line.strip().upper() == b"QUIT":
            writer.write(b"221 2.0.0 Bye\r\n")
            await writer.drain()
            return
        writer.write(b"502 5.5.2 Not here\r\n")
        await writer.drain()


PKI = sys.argv[1] if len(sys.argv) > 1 else ""


async def policy_without_close_notify(reader, writer):
    """One HTTP request, the policy as the answer, then the TCP connection ends without TLS's
    close_notify (abort: no TLS shutdown). For mta-sts.closeframed.sts.test the body has no
    Content-Length: only the close ends it, and without close_notify it may have been cut."""
    try:
        request = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
        framed = b"host: mta-sts.closeframed.sts.test" not in request.lower()
        path = os.path.join(PKI, "..", "www", "mta-sts.noclose.sts.test", ".well-known", "mta-sts.txt")
        with open(path, "rb") as f:
            body = f.read()
        length = b"Content-Length: %d\r\n" % len(body) if framed else b""
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n" + length + b"\r\n" + body)
        await writer.drain()
        await asyncio.sleep(0.1)
    except (asyncio.TimeoutError, asyncio.IncompleteReadError, ConnectionError, ssl.SSLError):
        pass
    finally:
        writer.transport.abort()


async def main():
    servers = []
    for index, name in enumerate(BEHAVIOURS + (["slowtls"] if PKI else []) + ["controls", "tlsbreak", "plaintextlate"], start=1):
        handler = lambda r, w, n=name: serve(n, r, w)
        servers.append(await asyncio.start_server(handler, f"127.0.11.{index}", 25))
    if PKI:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(os.path.join(PKI, "mta-sts.chain"), os.path.join(PKI, "mta-sts.key"))
        servers.append(await asyncio.start_server(policy_without_close_notify, "127.0.14.2", 443, ssl=context))
    print("hostile peers:", ", ".join(f"{n}=127.0.11.{i}" for i, n in enumerate(BEHAVIOURS, 1)), file=sys.stderr)
    await asyncio.gather(*(s.serve_forever() for s in servers))


asyncio.run(main())
