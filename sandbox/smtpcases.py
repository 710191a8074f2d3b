#!/usr/bin/python3
"""SMTP cases of the danecheck sandbox: a PKI generated at every start, the TLSA records of
each case computed from it, the dane.test zone, and the Postfix listeners.

    smtpcases.py OUTDIR

writes OUTDIR/pki/* (keys, certificates, chain files), OUTDIR/dane.test.zone (unsigned) and
OUTDIR/listeners.cf (master.cf lines, one smtpd per case). Every address is on loopback.
"""
import datetime
import hashlib
import os
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

NOW = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
DAY = datetime.timedelta(days=1)
ZONE = "dane.test"


def key():
    return ec.generate_private_key(ec.SECP256R1())


def rsa_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def certificate(subject_cn, subject_key, issuer_cert, issuer_key, ca, names=(), not_before=None, not_after=None):
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject_cn)])
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_cert.subject if issuer_cert else subject)
        .public_key(subject_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or NOW - DAY)
        .not_valid_after(not_after or NOW + 90 * DAY)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if names:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(n) for n in names]), critical=False)
    if ca:
        builder = builder.add_extension(
            x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                          data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                          encipher_only=False, decipher_only=False), critical=True)
    return builder.sign(issuer_key or subject_key, hashes.SHA256())


def der(cert):
    return cert.public_bytes(serialization.Encoding.DER)


def spki(cert):
    return cert.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def tlsa(usage, selector, matching, cert):
    data = der(cert) if selector == 0 else spki(cert)
    if matching == 1:
        data = hashlib.sha256(data).digest()
    elif matching == 2:
        data = hashlib.sha512(data).digest()
    return f"{usage} {selector} {matching} {data.hex()}"


def main(out):
    pki = os.path.abspath(os.path.join(out, "pki"))
    os.makedirs(pki, exist_ok=True)

    root_key, inter_key, other_key = key(), key(), key()
    root = certificate("Sandbox Root CA", root_key, None, None, ca=True, not_after=NOW + 3650 * DAY)
    inter = certificate("Sandbox Intermediate CA", inter_key, root, root_key, ca=True, not_after=NOW + 1825 * DAY)
    other = certificate("Unrelated", other_key, None, None, ca=False)

    def leaf(host, names=None, expired=False, days_left=None, make_key=key):
        k = make_key()
        fqdn = f"{host}.{ZONE}"
        not_after = NOW - 30 * DAY if expired else (NOW + days_left * DAY if days_left else None)
        c = certificate(fqdn, k, inter, inter_key, ca=False, names=names or [fqdn],
                        not_before=NOW - 400 * DAY if expired else None, not_after=not_after)
        return k, c

    # host: (address, leaf (key, cert), chain sent after the leaf, TLSA lines, STARTTLS offered,
    # a second (RSA) leaf held beside the first, as Postfix's smtpd_tls_eccert_file allows)
    cases = {}

    def case(host, address, tls_leaf, chain, records, starttls=True, second=None):
        cases[host] = (address, tls_leaf, chain, records, starttls, second)

    good = {}
    for host in ["ee311", "ee312", "ee300", "ee301", "wrongdigest", "ta-root201", "ta-root211", "ta-inter",
                 "ta-notsent", "ta210-notsent", "unusable-only", "unusable-beside", "stale", "agility",
                 "nostarttls-usable", "nostarttls-unusable", "notlsa", "four", "plain"]:
        good[host] = leaf(host)
    expired_ee = leaf("ee-expired", expired=True)
    wrongname_ee = leaf("ee-wrongname", names=["mx.other.example"])
    wrongname_ta = leaf("ta-wrongname", names=["mx.other.example"])
    wrongname_plain = leaf("wrongname-notlsa", names=["mx.other.example"])
    slowtls = leaf("h-slowtls")
    expired_ta = leaf("ta-expired", expired=True)

    g = lambda h: good[h][1]
    case("ee311", "127.0.10.1", good["ee311"], [inter], [tlsa(3, 1, 1, g("ee311"))])
    case("ee312", "127.0.10.2", good["ee312"], [inter], [tlsa(3, 1, 2, g("ee312"))])
    case("ee300", "127.0.10.3", good["ee300"], [inter], [tlsa(3, 0, 0, g("ee300"))])
    case("ee301", "127.0.10.4", good["ee301"], [inter], [tlsa(3, 0, 1, g("ee301"))])
    case("ee-expired", "127.0.10.5", expired_ee, [inter], [tlsa(3, 1, 1, expired_ee[1])])
    case("ee-wrongname", "127.0.10.6", wrongname_ee, [inter], [tlsa(3, 1, 1, wrongname_ee[1])])
    case("wrongdigest", "127.0.10.7", good["wrongdigest"], [inter], [tlsa(3, 1, 1, other)])
    case("ta-root201", "127.0.10.8", good["ta-root201"], [inter, root], [tlsa(2, 0, 1, root)])
    case("ta-root211", "127.0.10.9", good["ta-root211"], [inter, root], [tlsa(2, 1, 1, root)])
    case("ta-inter", "127.0.10.10", good["ta-inter"], [inter], [tlsa(2, 1, 1, inter)])
    case("ta-wrongname", "127.0.10.11", wrongname_ta, [inter], [tlsa(2, 1, 1, inter)])
    case("ta-expired", "127.0.10.12", expired_ta, [inter], [tlsa(2, 1, 1, inter)])
    case("ta-notsent", "127.0.10.13", good["ta-notsent"], [], [tlsa(2, 1, 1, inter)])
    case("ta210-notsent", "127.0.10.14", good["ta210-notsent"], [], [tlsa(2, 1, 0, inter)])
    case("unusable-only", "127.0.10.15", good["unusable-only"], [inter],
         [tlsa(0, 0, 1, root), tlsa(1, 1, 1, g("unusable-only"))])
    case("unusable-beside", "127.0.10.16", good["unusable-beside"], [inter],
         [tlsa(1, 1, 1, g("unusable-beside")), tlsa(3, 1, 1, g("unusable-beside"))])
    case("stale", "127.0.10.17", good["stale"], [inter], [tlsa(3, 1, 1, other), tlsa(3, 1, 1, g("stale"))])
    case("agility", "127.0.10.18", good["agility"], [inter], [tlsa(3, 1, 1, g("agility")), tlsa(3, 1, 2, other)])
    case("nostarttls-usable", "127.0.10.19", good["nostarttls-usable"], [inter],
         [tlsa(3, 1, 1, g("nostarttls-usable"))], starttls=False)
    case("nostarttls-unusable", "127.0.10.20", good["nostarttls-unusable"], [inter],
         [tlsa(0, 0, 1, root)], starttls=False)
    case("notlsa", "127.0.10.21", good["notlsa"], [inter], [])
    # For the policy knobs: no TLSA and no STARTTLS; no TLSA and a certificate for another name.
    case("plain", "127.0.10.22", good["plain"], [inter], [], starttls=False)
    case("wrongname-notlsa", "127.0.10.23", wrongname_plain, [inter], [])
    # Rollover health: the recommended pair (no warning at all); a leaf that expires in
    # ten days; and (below) one host whose two addresses present different certificates.
    paired = leaf("paired")
    case("paired", "127.0.10.24", paired, [inter], [tlsa(3, 1, 1, paired[1]), tlsa(2, 1, 1, inter)])
    expiring = leaf("expiring", days_left=10)
    case("expiring", "127.0.10.25", expiring, [inter], [tlsa(3, 1, 1, expiring[1]), tlsa(2, 1, 1, inter)])
    # DANE-EE with a self-signed server certificate that says CA:TRUE, as `openssl req -x509`
    # makes it: names, dates and CA flags do not matter under DANE-EE (RFC 7672 §3.1.1).
    selfsigned_key = key()
    selfsigned = certificate(f"selfsigned.{ZONE}", selfsigned_key, None, None, ca=True, names=[f"selfsigned.{ZONE}"])
    case("selfsigned", "127.0.10.26", (selfsigned_key, selfsigned), [], [tlsa(3, 1, 1, selfsigned)])
    # Two certificates, ECDSA and RSA (which one a client gets follows its signature algorithms):
    # TLSA covering both (no warning); covering the ECDSA one only (senders that negotiate RSA
    # defer: a warning); and an RSA-only server (no ECDSA certificate: not a problem).
    both_ec, both_rsa = leaf("dual-both"), leaf("dual-both", make_key=rsa_key)
    case("dual-both", "127.0.10.27", both_ec, [inter], [tlsa(3, 1, 1, both_ec[1]), tlsa(3, 1, 1, both_rsa[1])],
         second=both_rsa)
    only_ec, unmatched_rsa = leaf("dual-econly"), leaf("dual-econly", make_key=rsa_key)
    case("dual-econly", "127.0.10.28", only_ec, [inter], [tlsa(3, 1, 1, only_ec[1])], second=unmatched_rsa)
    rsa_only = leaf("rsa-only", make_key=rsa_key)
    case("rsa-only", "127.0.10.29", rsa_only, [inter], [tlsa(3, 1, 1, rsa_only[1])])

    def write(name, data):
        with open(os.path.join(pki, name), "wb") as f:
            f.write(data)

    def pem(cert):
        return cert.public_bytes(serialization.Encoding.PEM)

    def pem_key(k):
        return k.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())

    write("root.pem", pem(root))
    write("inter.pem", pem(inter))
    mta_sts(out, pki, inter, inter_key, write, pem, pem_key)

    zone = [f"$ORIGIN {ZONE}.", "$TTL 3600",
            "@ 3600 IN SOA ns.test. hostmaster.test. 1 7200 3600 1209600 300", "@ 3600 IN NS ns.test."]
    listeners = []

    def listener(address, host, starttls, second=False, port=25):
        files = f"{pki}/{host}.key,{pki}/{host}.chain" + (f",{pki}/{host}-rsa.key,{pki}/{host}-rsa.chain" if second else "")
        tls = (f" -o smtpd_tls_security_level=may -o smtpd_tls_chain_files={files}"
               if starttls else " -o smtpd_tls_security_level=none")
        listeners.append(f"{address}:{port} inet n - n - - smtpd -o syslog_name=sandbox-{host}{tls}")

    for host, (address, (leaf_key, leaf_cert), chain, records, starttls, second) in cases.items():
        write(f"{host}.key", pem_key(leaf_key))
        write(f"{host}.chain", b"".join(pem(c) for c in [leaf_cert] + chain))
        if second:
            write(f"{host}-rsa.key", pem_key(second[0]))
            write(f"{host}-rsa.chain", b"".join(pem(c) for c in [second[1]] + chain))
        zone.append(f"{host} 3600 IN A {address}")
        zone += [f"_25._tcp.{host} 300 IN TLSA {r}" for r in records]
        listener(address, host, starttls, second=second is not None)
    # ee311 also on port 2525 (`probe --port`: another port, the TLSA name still _25._tcp).
    listener(cases["ee311"][0], "ee311", True, port=2525)

    # One host, four addresses, the same certificate everywhere (probed concurrently).
    four_key, four_cert = good["four"]
    write("four.key", pem_key(four_key))
    write("four.chain", pem(four_cert) + pem(inter))
    for i in range(1, 5):
        zone.append(f"four 3600 IN A 127.0.10.{30 + i}")
        listener(f"127.0.10.{30 + i}", "four", True)
    zone.append(f"_25._tcp.four 300 IN TLSA {tlsa(3, 1, 1, four_cert)}")

    # One host, two addresses, a different certificate on each (both published: no stale record).
    mixed = [leaf("mixedcert"), leaf("mixedcert")]
    for i, (mixed_key, mixed_cert) in enumerate(mixed, start=1):
        write(f"mixedcert{i}.key", pem_key(mixed_key))
        write(f"mixedcert{i}.chain", pem(mixed_cert) + pem(inter))
        zone.append(f"mixedcert 3600 IN A 127.0.10.{39 + i}")
        zone.append(f"_25._tcp.mixedcert 300 IN TLSA {tlsa(3, 1, 1, mixed_cert)}")
        listener(f"127.0.10.{39 + i}", f"mixedcert{i}", True)

    # Benchmark hosts: behind the latency proxy (tcpdelay.py, 127.0.12.N -> a case's listener),
    # with that case's TLSA records; 240 domains spread over them, as at a hosting provider.
    # DANE-EE only: the proxies answer for other names, which DANE-EE does not check.
    bench_targets = ["ee311", "ee312", "ee300", "ee301", "ee-expired", "ee-wrongname", "unusable-beside", "stale"]
    routes = []
    for i, target in enumerate(bench_targets, start=1):
        address = cases[target][0]
        zone.append(f"slow{i} 3600 IN A 127.0.12.{i}")
        zone += [f"_25._tcp.slow{i} 300 IN TLSA {r}" for r in cases[target][3]]
        routes.append(f"127.0.12.{i}:25={address}:25")
    for n in range(1, 241):
        zone.append(f"b{n}.bench 3600 IN MX 10 slow{(n - 1) % len(bench_targets) + 1}.dane.test.")
    with open(os.path.join(out, "bench-routes"), "w") as f:
        f.write(" ".join(routes) + "\n")
    with open(os.path.join(out, "bench-domains.txt"), "w") as f:
        f.write("".join(f"b{n}.bench.dane.test\n" for n in range(1, 241)))

    # Survey hosts (bench/scale.sh delays every packet to and from 127.0.13.N with NFQUEUE):
    # DANE-EE, DANE-TA (its certificate names the host: DANE-TA checks names), a host reached
    # through a CNAME (the TLSA base domain is the target, RFC 7672 §2.2.3), DANE-EE with a
    # DANE-TA beside it. Any number of domains over them, from wildcards: dN.wK.survey.dane.test.
    survey = {"s1": ("ee", 1), "s2": ("ta", 2), "s3": ("ee", 3), "s4": ("paired", 4)}
    for host, (kind, n) in survey.items():
        survey_key, survey_cert = leaf(host)
        write(f"{host}.key", pem_key(survey_key))
        write(f"{host}.chain", pem(survey_cert) + pem(inter))
        zone.append(f"{host} 3600 IN A 127.0.13.{n}")
        records = {"ee": [tlsa(3, 1, 1, survey_cert)], "ta": [tlsa(2, 1, 1, inter)],
                   "paired": [tlsa(3, 1, 1, survey_cert), tlsa(2, 1, 1, inter)]}[kind]
        zone += [f"_25._tcp.{host} 300 IN TLSA {r}" for r in records]
        listener(f"127.0.13.{n}", host, True)
    zone.append("s3alias 3600 IN CNAME s3.dane.test.")
    for k, target in enumerate(["s1", "s2", "s3alias", "s4"], start=1):
        zone.append(f"*.w{k}.survey 3600 IN MX 10 {target}.dane.test.")

    # A slow but correct TLS peer (hostile.py "slowtls"): its key and chain, and a matching record.
    write("h-slowtls.key", pem_key(slowtls[0]))
    write("h-slowtls.chain", pem(slowtls[1]) + pem(inter))
    zone.append("h-slowtls 3600 IN A 127.0.11.11")
    zone.append(f"_25._tcp.h-slowtls 300 IN TLSA {tlsa(3, 1, 1, slowtls[1])}")

    # Misbehaving peers (hostile.py), TLS mandatory for each through a usable TLSA record.
    for i, name in enumerate(["silent", "drip", "longline", "garbage", "greeting421", "starttls454",
                              "starttls501", "tlsalert", "reset", "plaintext"], start=1):
        zone.append(f"h-{name} 3600 IN A 127.0.11.{i}")
        zone.append(f"_25._tcp.h-{name} 300 IN TLSA {tlsa(3, 1, 1, other)}")
    zone.append("h-controls 3600 IN A 127.0.11.12")
    zone.append(f"_25._tcp.h-controls 300 IN TLSA {tlsa(3, 1, 1, other)}")
    zone.append("h-tlsbreak 3600 IN A 127.0.11.13")
    zone.append(f"_25._tcp.h-tlsbreak 300 IN TLSA {tlsa(3, 1, 1, slowtls[1])}")
    zone.append("h-plaintextlate 3600 IN A 127.0.11.14")
    zone.append(f"_25._tcp.h-plaintextlate 300 IN TLSA {tlsa(3, 1, 1, other)}")

    # Domains whose MX hosts are the cases above (domain --probe).
    zone += ["@ 3600 IN MX 10 ee311.dane.test.", "@ 3600 IN MX 20 ta-inter.dane.test.",
             "@ 3600 IN MX 30 wrongdigest.dane.test.",
             "deferred 3600 IN MX 10 wrongdigest.dane.test.", "deferred 3600 IN MX 20 h-silent.dane.test.",
             # the first MX fails DANE, the second authenticates
             "firstfails 3600 IN MX 10 wrongdigest.dane.test.", "firstfails 3600 IN MX 20 ee311.dane.test.",
             # two MX at one preference, one failing (agility sorts first, so it is tried first)
             "equal 3600 IN MX 10 agility.dane.test.", "equal 3600 IN MX 10 ee312.dane.test.",
             # MX host in an unsigned zone, with an SMTP server
             "unsignedhost 3600 IN MX 10 smtp.insecure.test."]
    # One domain per SMTP case, for check (HOST.mx.dane.test MX 10 HOST.dane.test).
    for host in list(cases) + ["four", "mixedcert"] + [f"h-{n}" for n in ["silent", "greeting421", "starttls454", "controls"]]:
        zone.append(f"{host}.mx 3600 IN MX 10 {host}.dane.test.")

    with open(os.path.join(out, f"{ZONE}.zone"), "w") as f:
        f.write("\n".join(zone) + "\n")
    with open(os.path.join(out, "listeners.cf"), "w") as f:
        f.write("\n".join(listeners) + "\n")


# MTA-STS (RFC 8461) cases, zone sts.test (sandbox/zones.sh): one HTTPS server (nginx) for every
# mta-sts.NAME.sts.test, one certificate naming them all, and the policy each serves.
STS_POLICIES = {
    "dane": "version: STSv1\nmode: enforce\nmx: *.dane.test\nmax_age: 86400\n",
    "pkix": "version: STSv1\nmode: enforce\nmx: notlsa.dane.test\nmax_age: 86400\n",
    # As pkix, served as "text/plain; charset=utf-8" (nginx's charset directive, sandbox.sh).
    "charset": "version: STSv1\nmode: enforce\nmx: notlsa.dane.test\nmax_age: 86400\n",
    # As pkix, served by hostile.py on 127.0.14.2, which closes without a TLS close_notify.
    "noclose": "version: STSv1\nmode: enforce\nmx: notlsa.dane.test\nmax_age: 86400\n",
    # Served by the same server with its body framed by the close alone (no Content-Length).
    "closeframed": "version: STSv1\nmode: enforce\nmx: notlsa.dane.test\nmax_age: 86400\n",
    "wrongname": "version: STSv1\nmode: enforce\nmx: wrongname-notlsa.dane.test\nmax_age: 86400\n",
    "outside": "version: STSv1\nmode: enforce\nmx: *.other.test\nmx: notlsa.dane.test\nmax_age: 604800\n",
    "testing": "version: STSv1\nmode: testing\nmx: wrongname-notlsa.dane.test\nmax_age: 86400\n",
    "cname": "version: STSv1\r\nmode: enforce\r\nmx: ee311.dane.test\r\nmax_age: 86400\r\n",
    "longcname": "version: STSv1\nmode: enforce\nmx: ee311.dane.test\nmax_age: 86400\n",
    "malformed": "version: STSv1\nmode: sometimes\nmx: ee311.dane.test\n",
    "danefail": "version: STSv1\nmode: enforce\nmx: wrongdigest.dane.test\nmax_age: 86400\n",
    # Over the 64 KiB a client reads (unknown fields are allowed, so only the size is wrong).
    "big": "version: STSv1\nmode: enforce\nmx: notlsa.dane.test\nmax_age: 86400\n" + "x-padding: " + "a" * 100 * 1024 + "\n",
    # "fetchfail" serves nothing: 404. "redirect" answers 301 (nginx, sandbox.sh).
}


def mta_sts(out, pki, inter, inter_key, write, pem, pem_key):
    names = [f"mta-sts.{n}.sts.test" for n in list(STS_POLICIES) + ["fetchfail", "redirect"]]
    k = key()
    c = certificate("mta-sts.sts.test", k, inter, inter_key, ca=False, names=names)
    write("mta-sts.key", pem_key(k))
    write("mta-sts.chain", pem(c) + pem(inter))
    for name, policy in STS_POLICIES.items():
        directory = os.path.join(out, "www", f"mta-sts.{name}.sts.test", ".well-known")
        os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, "mta-sts.txt"), "w", newline="") as f:
            f.write(policy)
    os.makedirs(os.path.join(out, "www", "mta-sts.fetchfail.sts.test"), exist_ok=True)


if __name__ == "__main__":
    main(sys.argv[1])
