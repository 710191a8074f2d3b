#!/usr/bin/python3
"""Drives `danecheck console` on a real pseudo-terminal (pexpect): prompt, tab completion,
errors that do not leave (an unknown command with the nearest one), the TTL counting down
between two `domain` calls, `refresh domain`, Ctrl-C during a probe of a silent peer (also when
the console was stalled before it could start it), the line that says which resolver a long
wait is for, `dns_cache lookup` with its records, Ctrl-D, and history recalled in a second
session.

    console_pty.py DANECHECK_BINARY      (needs the sandbox; exits 0 when every step passed)
"""
import os
import re
import signal
import sys
import tempfile
import time

import pexpect

binary = sys.argv[1]
state = tempfile.mkdtemp(prefix="danecheck-console-")
env = dict(os.environ, XDG_STATE_HOME=state, TERM="vt100", HOME=state)
PROMPT = r"\d\d:\d\d:\d\d danecheck> "


def spawn(arguments=("console",)):
    child = pexpect.spawn(binary, list(arguments), env=env, encoding="utf-8", timeout=10, dimensions=(40, 200))
    child.logfile_read = sys.stdout
    return child


def entered(line):
    """Sends a command line and waits for libedit to echo its end: the console has read it (and
    counts any Ctrl-C from then on as meant for this command), however loaded the machine is."""
    console.sendline(line)
    console.expect_exact(line + "\r\n")


def step(name):
    print(f"\n=== {name}", flush=True)


console = spawn()
step("banner and prompt")
console.expect("danecheck .* console")
console.expect(PROMPT)

step("set")
console.sendline("set resolver 127.53.0.2")
console.expect("resolver set to 127.53.0.2")
console.expect(PROMPT)

step("tab completion of a command name")
console.send("dom\t")          # completes to "domain " (the screen redraws only the rest)
console.sendline("example.test")
console.expect(r"Domain 'example.test' has 2 MXs and a TTL of (\d+) seconds \+dnssec")
first_ttl = int(console.match.group(1))
console.expect(PROMPT)

def stats():
    console.sendline("dns_cache stats")
    console.expect(r"sent to a resolver: (\d+)")
    responses = int(console.match.group(1))
    console.expect(r"cache hits: (\d+)")
    hits = int(console.match.group(1))
    console.expect(PROMPT)
    return responses, hits


step("the TTL counts down: the second answer comes from the console's cache")
before = stats()
time.sleep(2.2)
console.sendline("domain example.test")
console.expect(r"Domain 'example.test' has 2 MXs and a TTL of (\d+) seconds \+dnssec")
second_ttl = int(console.match.group(1))
assert second_ttl <= first_ttl - 2, (first_ttl, second_ttl)
console.expect(PROMPT)
after = stats()
assert after[0] == before[0], f"no query went to the resolver: {before} -> {after}"
assert after[1] > before[1], f"answered from the cache: {before} -> {after}"

step("tab completion of an option and of a cached name")
console.send("dns_cache lookup exa\t")   # a name from the cache
console.sendline("MX")
console.expect(r"example.test. MX secure records TTL:\d+")
console.expect(PROMPT)
console.send("domain --js\t")             # an option of the command
console.sendline("nullmx.test")
console.expect('"kind": "null-mx"')
console.expect(PROMPT)

step("refresh domain re-queries")
before = stats()
console.sendline("refresh domain example.test")
console.expect(r"Domain 'example.test' has 2 MXs and a TTL of (\d+) seconds")
console.expect(PROMPT)
after = stats()
assert after[0] >= before[0] + 5, f"MX, A, AAAA and TLSA asked again: {before} -> {after}"

step("an error does not leave the console")
console.sendline("domian example.test")
console.expect("danecheck: error: unknown command 'domian' \\(did you mean 'domain'\\?\\)")
console.expect(PROMPT)
console.sendline("domain a..b")
console.expect("empty label")
console.expect(PROMPT)

step("Ctrl-C interrupts a probe of a silent peer, and the abandoned probe stays silent")
# The probe's own timeout (6 s) is far from the interrupt, so a loaded machine cannot blur them.
entered("probe --timeout 6 h-silent.dane.test")
time.sleep(1.0)
started = time.monotonic()
console.sendintr()
console.expect("interrupted", timeout=4)
console.expect(PROMPT, timeout=4)
assert time.monotonic() - started < 4
try:
    console.expect("timeout after", timeout=7)   # the probe's own end, 6 s after it started
    raise AssertionError("the abandoned probe printed after Ctrl-C")
except pexpect.TIMEOUT:
    pass
console.sendline("show settings")
console.expect("resolver 127.53.0.2")
console.expect(PROMPT)

step("a Ctrl-C that comes before the console could start the command still interrupts it")
# The console is stopped right after it read the line (as a loaded CI machine stalls it), the
# Ctrl-C is sent while it is stopped and is delivered the moment it runs again: before it has
# parsed the line or started the command. It must count, not wait for a second one.
entered("probe --timeout 5 h-silent.dane.test")
time.sleep(0.1)
os.kill(console.pid, signal.SIGSTOP)
console.sendintr()
time.sleep(0.3)
os.kill(console.pid, signal.SIGCONT)
console.expect("interrupted", timeout=4)
console.expect(PROMPT, timeout=4)

step("Ctrl-C interrupts tlsa create, and the abandoned command prints nothing when it succeeds later")
# h-slowtls answers its EHLO over TLS about 4 s after the connect: long after the interrupt.
entered("tlsa create --timeout 4 h-slowtls.dane.test")
time.sleep(0.5)
console.sendintr()
console.expect("interrupted", timeout=4)
console.expect(PROMPT, timeout=4)
try:
    console.expect("IN TLSA", timeout=5)
    raise AssertionError("the abandoned tlsa create printed its records after Ctrl-C")
except pexpect.TIMEOUT:
    pass

step("a long resolver wait is shown on the terminal, and erased")
# 127.53.0.5 never answers: after a second the console says who it waits for, and for what.
# The line may come any time from 1 s to the 6 s timeout (a loaded machine wakes the console late);
# 8 s from the Enter key, which the console may read late too.
console.sendline("domain --resolver 127.53.0.5 --timeout 6 slow.example.test")
console.expect(r"waiting for 127\.53\.0\.5 to answer (_mta-sts\.)?slow\.example\.test (MX|TXT) \(\d+s", timeout=8)
console.expect(r"\r\x1b\[K", timeout=10)  # erased before the report's first line
console.expect("MX lookup failed: indeterminate", timeout=10)
console.expect(PROMPT)
console.sendline("dns_cache lookup example.test MX")
console.expect(r"example\.test\. MX secure records TTL:\d+\r?\n  \d+ mx\d\.example\.test\.")
console.expect(PROMPT)

step("Ctrl-D leaves")
console.sendline("dig nsec.test")
console.expect(PROMPT)
# The prompt is printed before libedit puts the terminal in raw mode; an EOF typed in that
# window is swallowed by the switch from canonical mode (seen under load): type it as a person
# would, once the editor is reading.
time.sleep(1.0)
console.sendeof()
console.expect(pexpect.EOF)
console.close()
assert console.exitstatus == 0, console.exitstatus

step("history is kept across sessions")
history = os.path.join(state, "danecheck", "history")
assert os.path.exists(history), history
again = spawn()
again.expect(PROMPT)
again.send("\x1b[A")  # up arrow: the last line of the first session, recalled, not run
again.expect("dig nsec.test")
again.send("\x15")    # Ctrl-U: clear the line
again.sendline("show settings")
again.expect(r"resolver \S+ \(from /etc/resolv.conf\)")
again.expect(PROMPT)
again.sendline("quit")
again.expect(pexpect.EOF)

step("danecheck alone on a terminal is the console")
bare = spawn(arguments=())
bare.expect(PROMPT)
bare.sendline("exit")
bare.expect(pexpect.EOF)
bare.close()
assert bare.exitstatus == 0, bare.exitstatus
print("\nconsole_pty: all steps passed", flush=True)
