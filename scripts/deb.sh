#!/usr/bin/env bash
# make deb: danecheck_VERSION_ARCH.deb and danecheck-exporter_VERSION_ARCH.deb in dist/ (or
# DEB_OUT), built with Debian's tools: executables linked with --static-swift-stdlib (no Swift
# runtime needed), Depends from dpkg-shlibdeps (the Debian libraries actually linked), man
# pages, completions in Debian's paths, README, copyright, changelog; the exporter with its
# systemd unit, /etc/default/danecheck-exporter and /etc/danecheck/ (conffiles). The version is
# the one `danecheck --version` prints (DanecheckVersion, the one place it is written).
#
#   scripts/deb.sh                 release build (what an operator installs)
#   DEB_CONFIG=debug scripts/deb.sh   the debug build (the CI install test: same link, no second compile)
#   DEB_LINTIAN=1 scripts/deb.sh   then run lintian on both
#   DEB_BIN=DIR scripts/deb.sh     package the executables this script linked before (DIR/static)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v swift >/dev/null 2>&1 || export PATH=/opt/swift/usr/bin:$PATH
config=${DEB_CONFIG:-release}
out=${DEB_OUT:-dist}
swift=${SWIFT:-swift}

# The executables are the build's own objects linked again with -static-stdlib (no Swift runtime
# needed). Not `swift build --static-swift-stdlib`: it compiles with -static-stdlib too, so the
# objects it leaves name the static Foundation's libraries and a later plain build links no more
# (and each switch recompiles everything). The link command is SwiftPM's own, read from its build
# plan (CONFIG.yaml), with the output moved and the static runtime asked for; objects compiled for
# the shared runtime do not name the static Foundation's own libraries (its ICU, CoreFoundation),
# so they are given, as one group (they refer to each other).
if [ -z "${DEB_BIN:-}" ]; then
for product in danecheck danecheck-exporter; do
  $swift build -c "$config" --product "$product" 2>&1 | grep -E "error" >&2 && exit 1
done
bin=$($swift build -c "$config" --show-bin-path)
plan=$(dirname "$bin")/$config.yaml
[ -f "$plan" ] || plan=$(dirname "$(dirname "$bin")")/$config.yaml
static=$bin/static
mkdir -p "$static"
for product in danecheck danecheck-exporter; do
  python3 - "$plan" "$bin/$product" "$static/$product" <<'PY' || { echo "deb: linking $product with the static Swift runtime failed" >&2; exit 1; }
import json, subprocess, sys
plan, built, target = sys.argv[1:]
for line in open(plan):
    line = line.strip()
    if line.startswith("args: [") and f'"-o","{built}"' in line:
        args = json.loads(line[len("args: "):])
        break
else:
    sys.exit(f"deb: no link command for {built} in {plan}")
args[args.index("-o") + 1] = target
# no run path: the static executable looks for no library beside itself
i = args.index("-rpath=$ORIGIN")
del args[i - 1:i + 1]
libs = ["Foundation", "CoreFoundation", "FoundationEssentials", "FoundationInternationalization",
        "_FoundationICU", "_FoundationCShims", "_FoundationCollections"]
args += ["-static-stdlib", "-Xlinker", "--start-group"] + [x for lib in libs for x in ("-Xlinker", "-l" + lib)]
args += ["-Xlinker", "--end-group", "-Xlinker", "-lstdc++"]
args += ["-Xlinker", "-z", "-Xlinker", "relro", "-Xlinker", "-z", "-Xlinker", "now"]  # full RELRO, as Debian builds
sys.exit(subprocess.run(args).returncode)
PY
done
bin=$static
else
  bin=$DEB_BIN  # static executables already linked by this script
fi
version=$("$bin/danecheck" --version)
[ "$("$bin/danecheck-exporter" --version)" = "$version" ] || { echo "deb: the two programs disagree on their version" >&2; exit 1; }
arch=$(dpkg --print-architecture)
date=$(git log -1 --format=%cD 2>/dev/null || date -R)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# stage PACKAGE: the common part of each package's tree
stage() {
  local pkg=$1 root=$work/$1
  install -d -m 755 "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/doc/$pkg" "$root/usr/share/man/man1"
  install -m 644 packaging/deb/copyright "$root/usr/share/doc/$pkg/copyright"
  printf '%s (%s) unstable; urgency=medium\n\n  * Built from the danecheck source with make deb.\n\n -- danecheck developers <danecheck@packages.invalid>  %s\n' \
    "$pkg" "$version" "$date" | gzip -9n > "$root/usr/share/doc/$pkg/changelog.gz"
}

# binary PACKAGE PROGRAM: a stripped executable
binary() {
  install -m 755 "$bin/$2" "$work/$1/usr/bin/$2"
  strip --strip-unneeded --remove-section=.comment --remove-section=.note "$work/$1/usr/bin/$2"
}

manpage() {  # PACKAGE FILE SECTION
  install -d -m 755 "$work/$1/usr/share/man/man$3"
  gzip -9n < "$2" > "$work/$1/usr/share/man/man$3/$(basename "$2").gz"
  chmod 644 "$work/$1/usr/share/man/man$3/$(basename "$2").gz"
}

# depends PACKAGE EXTRA: dpkg-shlibdeps over the package's executables, then EXTRA
depends() {
  local pkg=$1 extra=${2:-}
  mkdir -p "$work/shlibs/debian"
  printf 'Source: danecheck\n\nPackage: %s\nArchitecture: any\n' "$pkg" > "$work/shlibs/debian/control"
  local deps
  deps=$(cd "$work/shlibs" && dpkg-shlibdeps -O "${@:3}" | sed -n 's/^shlibs:Depends=//p')
  echo "${deps}${extra:+, $extra}"
}

control() {  # PACKAGE DEPENDS SHORT LONG
  local root=$work/$1
  local size
  size=$(du -k -s --exclude=DEBIAN "$root" | cut -f1)
  {
    echo "Package: $1"
    echo "Version: $version"
    echo "Architecture: $arch"
    echo "Maintainer: danecheck developers <danecheck@packages.invalid>"
    echo "Installed-Size: $size"
    echo "Depends: $2"
    # chain/domain --format svg|png run Graphviz's dot (without it: a hint and exit 2).
    # examples/junit.xsl, which shows a --junit file as a page, runs with xsltproc.
    if [ "$1" = danecheck ]; then echo "Recommends: graphviz"; echo "Suggests: xsltproc"; fi
    echo "Section: net"
    echo "Priority: optional"
    echo "Description: $3"
    echo "$4" | fold -s -w 78 | sed 's/ *$//; s/^/ /'
  } > "$root/DEBIAN/control"
  (cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
  dpkg-deb --build --root-owner-group -Zxz "$root" "$out/$1_${version}_${arch}.deb" >/dev/null
  echo "$out/$1_${version}_${arch}.deb"
}

# danecheck: the command line and console
stage danecheck
binary danecheck danecheck
manpage danecheck man/danecheck.1 1
gzip -9n < README.md > "$work/danecheck/usr/share/doc/danecheck/README.md.gz"
install -d -m 755 "$work/danecheck/usr/share/bash-completion/completions"
sed '1{/^#!/d}' completions/danecheck.bash > "$work/danecheck/usr/share/bash-completion/completions/danecheck"  # sourced, not run
chmod 644 "$work/danecheck/usr/share/bash-completion/completions/danecheck"
install -D -m 644 completions/danecheck.zsh "$work/danecheck/usr/share/zsh/vendor-completions/_danecheck"
install -D -m 644 completions/danecheck.fish "$work/danecheck/usr/share/fish/vendor_completions.d/danecheck.fish"
install -D -m 755 contrib/danecheck-deploy-hook "$work/danecheck/usr/share/danecheck/danecheck-deploy-hook"
# CI examples and the stylesheet that shows a --junit file as a page (xsltproc).
install -d -m 755 "$work/danecheck/usr/share/doc/danecheck/examples"
for file in gitlab-ci.yml github-actions.yml junit.xsl; do
  install -m 644 "contrib/ci/$file" "$work/danecheck/usr/share/doc/danecheck/examples/$file"
done
control danecheck "$(depends danecheck "dns-root-data" -e"$work/danecheck/usr/bin/danecheck")" \
  "DANE for SMTP (RFC 7672) checker for mail domains" \
  "For any mail domain, what an RFC 7672 (DANE for SMTP) mail server will do with mail for it, and why: MX hosts, TLSA records, DNSSEC status (from the resolver or validated locally), STARTTLS probes verified by OpenSSL against the TLSA records, one verdict per domain and an exit code for scripts and monitoring (Nagios output included)."

# danecheck-exporter: the Prometheus exporter, its unit and configuration
stage danecheck-exporter
binary danecheck-exporter danecheck-exporter
manpage danecheck-exporter man/danecheck-exporter.1 1
manpage danecheck-exporter man/danecheck-exporter-modules.5 5
root=$work/danecheck-exporter
install -D -m 644 packaging/deb/danecheck-exporter.service "$root/lib/systemd/system/danecheck-exporter.service"
install -D -m 644 packaging/deb/danecheck-exporter.default "$root/etc/default/danecheck-exporter"
install -D -m 644 contrib/prometheus/danecheck-modules.yml "$root/etc/danecheck/modules.yml"
install -D -m 644 packaging/deb/web-config.yml "$root/etc/danecheck/web-config.yml"
install -d -m 755 "$root/usr/share/doc/danecheck-exporter/examples"
for file in prometheus.yml danecheck-rules.yml; do
  install -m 644 "contrib/prometheus/$file" "$root/usr/share/doc/danecheck-exporter/examples/$file"
done
for script in postinst prerm postrm; do install -m 755 "packaging/deb/danecheck-exporter.$script" "$root/DEBIAN/$script"; done
# Yams (the module and web configuration parser) carries its own copy of libyaml's C parser.
install -D -m 644 packaging/deb/danecheck-exporter.lintian-overrides "$root/usr/share/lintian/overrides/danecheck-exporter"
printf '/etc/danecheck/modules.yml\n/etc/danecheck/web-config.yml\n/etc/default/danecheck-exporter\n' > "$root/DEBIAN/conffiles"
control danecheck-exporter "$(depends danecheck-exporter "adduser, dns-root-data" -e"$root/usr/bin/danecheck-exporter")" \
  "Prometheus exporter for DANE for SMTP (RFC 7672)" \
  "danecheck-exporter answers Prometheus scrapes of /probe?target=DOMAIN (the multi-target pattern of blackbox_exporter) with one danecheck check of the domain: success, verdict, DNSSEC status, TLSA records matched, certificate and RRSIG expiry, TLS versions; blackbox_exporter's metric names where the same fact has one. TLS and basic authentication in the Prometheus exporter-toolkit format, reload on SIGHUP, a hardened systemd unit."

if [ "${DEB_LINTIAN:-0}" = 1 ]; then
  lintian --info --display-info "$out"/danecheck_"${version}"_"${arch}".deb "$out"/danecheck-exporter_"${version}"_"${arch}".deb
fi
