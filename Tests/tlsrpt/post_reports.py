#!/usr/bin/env python3
"""Sends SMTP TLS reports to a receiver as RFC 8460 §5.3 reporters do (HTTP POST of
application/tlsrpt+gzip), for Tests/IntegrationTests/TLSReportReceiverTests.swift.

  post_reports.py URL COUNT CONCURRENCY PREFIX [--first I] [--kill-after N --pid PID]
      COUNT distinct reports from index I (default 0) (organization "Load Org", report-id PREFIX-i, one policy domain
      i.PREFIX.load.test with i failed sessions), CONCURRENCY at a time. One line per report as
      its answer arrives: "ack PREFIX-i STATUS" (STATUS 0: no answer, the connection failed);
      last "posted COUNT in SECONDS s". --kill-after N: SIGKILL PID once N reports were answered
      2xx (the receiver dies with POSTs in flight).
  post_reports.py slow URL PREFIX
      One report sent a few octets at a time (over ~2 s) while 20 others are POSTed whole:
      prints "fast STATUS" per quick one and "slow STATUS" last, in the order the answers came.
  post_reports.py cut URL
      Headers announcing 4000 octets, 100 sent, then the connection closed: prints "cut".
"""
import gzip
import json
import os
import signal
import socket
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
import http.client

lock = threading.Lock()


def report(prefix, i):
    return {
        "organization-name": "Load Org",
        "date-range": {"start-datetime": "2026-12-05T00:00:00Z", "end-datetime": "2026-12-06T00:00:00Z"},
        "contact-info": "tlsrpt@load.test",
        "report-id": f"{prefix}-{i}",
        "policies": [{
            "policy": {"policy-type": "tlsa", "policy-domain": f"{i}.{prefix}.load.test"},
            "summary": {"total-successful-session-count": 1, "total-failure-session-count": i},
            "failure-details": [{"result-type": "tlsa-invalid", "receiving-mx-hostname": f"mx.{i}.{prefix}.load.test",
                                 "failed-session-count": i}] if i else [],
        }],
    }


def body(prefix, i):
    return gzip.compress(json.dumps(report(prefix, i)).encode(), mtime=0)


def post(url, data, timeout=30):
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request("POST", parts.path, body=data, headers={"Content-Type": "application/tlsrpt+gzip"})
        response = connection.getresponse()
        response.read()
        return response.status
    except OSError:
        return 0
    finally:
        connection.close()


def load(url, count, concurrency, prefix, first=0, kill_after=None, pid=None):
    acknowledged = 0
    killed = False

    def one(i):
        nonlocal acknowledged, killed
        status = post(url, body(prefix, i))
        with lock:
            print(f"ack {prefix}-{i} {status}", flush=True)
            if 200 <= status < 300:
                acknowledged += 1
                if kill_after is not None and acknowledged >= kill_after and not killed:
                    os.kill(pid, signal.SIGKILL)
                    killed = True

    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(one, range(first, first + count)))
    print(f"posted {count} in {time.monotonic() - start:.3f} s", flush=True)


def slow(url, prefix):
    parts = urllib.parse.urlsplit(url)
    data = body(prefix, 0)
    order = []
    started = threading.Event()

    def trickle():
        sock = socket.create_connection((parts.hostname, parts.port), timeout=30)
        sock.sendall((f"POST {parts.path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/tlsrpt+gzip\r\n"
                      f"Content-Length: {len(data)}\r\nConnection: close\r\n\r\n").encode())
        started.set()
        for k in range(0, len(data), 8):
            sock.sendall(data[k:k + 8])
            time.sleep(2.0 / (len(data) / 8))
        answer = b""
        while True:
            chunk = sock.recv(4096)
            if not chunk:
                break
            answer += chunk
        sock.close()
        status = int(answer.split(b" ")[1]) if answer.startswith(b"HTTP/") else 0
        with lock:
            order.append(f"slow {status}")

    thread = threading.Thread(target=trickle)
    thread.start()
    started.wait()

    def fast(i):
        status = post(url, body(prefix, i))
        with lock:
            order.append(f"fast {status}")

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(fast, range(1, 21)))
    thread.join()
    print("\n".join(order), flush=True)


def cut(url):
    parts = urllib.parse.urlsplit(url)
    sock = socket.create_connection((parts.hostname, parts.port), timeout=10)
    sock.sendall((f"POST {parts.path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/tlsrpt+json\r\n"
                  "Content-Length: 4000\r\n\r\n").encode() + b'{"organization-name": "Cut Org", ' + b" " * 67)
    sock.close()
    print("cut", flush=True)


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[0] == "slow":
        slow(args[1], args[2])
    elif args[0] == "cut":
        cut(args[1])
    else:
        kill_after = pid = None
        first = int(args[args.index("--first") + 1]) if "--first" in args else 0
        if "--kill-after" in args:
            kill_after = int(args[args.index("--kill-after") + 1])
            pid = int(args[args.index("--pid") + 1])
        load(args[0], int(args[1]), int(args[2]), args[3], first, kill_after, pid)
