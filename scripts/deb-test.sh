#!/usr/bin/env bash
# The .deb install test: a clean Debian 12 root made by mmdebstrap (minbase: no Swift, no
# compiler, nothing of this machine) installs dist/*.deb with apt, which resolves the Depends
# that dpkg-shlibdeps derived; then, in that root (chroot), danecheck --version, danecheck
# domain against the sandbox's validating resolver, man danecheck, man 5
# danecheck-exporter-modules, and the exporter started as the package's system user with
# no_new_privs and an empty capability bounding set (setpriv), scraped for a sandbox domain.
# systemd-analyze security --offline scores the unit as installed in the root.
#   scripts/deb-test.sh [RESOLVER]
# The root is made with the host's network (apt reaches Debian's mirror); what talks to the
# sandbox runs in DEB_TEST_NETNS when it is set (a worktree's sandbox in its own namespace), else
# here (CI, where the sandbox is on this host's loopback).
set -euo pipefail
cd "$(dirname "$0")/.."
resolver=${1:-127.53.0.2}
version=$(dpkg-deb -f dist/danecheck_*.deb Version)
arch=$(dpkg --print-architecture)
root=$(mktemp -d /tmp/danecheck-deb-root.XXXXXX)
cleanup() {
  [ -n "${exporter:-}" ] && kill -9 "$exporter" 2>/dev/null
  mountpoint -q "$root/proc" && umount "$root/proc"
  rm -rf --one-file-system "$root"
}
trap cleanup EXIT
started=$(date +%s)
# apt in the root installs the two packages from their files (it resolves their Depends from
# Debian's archive), the man reader with them.
debs=("dist/danecheck_${version}_${arch}.deb" "dist/danecheck-exporter_${version}_${arch}.deb")
mmdebstrap --verbose --variant=minbase --include=man-db \
  --customize-hook="copy-in ${debs[*]} /tmp" \
  --customize-hook="chroot \"\$1\" apt-get install -y /tmp/${debs[0]#dist/} /tmp/${debs[1]#dist/}" \
  --customize-hook="rm -f \"\$1\"/tmp/*.deb" \
  bookworm "$root" > "$root.log" 2>&1 || { tail -30 "$root.log" >&2; rm -f "$root.log"; echo "deb-test: FAIL: mmdebstrap" >&2; exit 1; }
rm -f "$root.log"
echo "deb-test: root made and packages installed in $(( $(date +%s) - started )) s"
fail() { echo "deb-test: FAIL: $*" >&2; exit 1; }
# /proc as on any running system (the Swift runtime reads a program's arguments from it).
mount -t proc proc "$root/proc"
netns=()
[ -n "${DEB_TEST_NETNS:-}" ] && netns=(ip netns exec "$DEB_TEST_NETNS")
net() { "${netns[@]}" "$@"; }
in_root() { chroot "$root" "$@"; }
[ ! -e "$root/opt/swift" ] && ! in_root sh -c 'ls /usr/lib/*/libswiftCore.so* /usr/lib/swift 2>/dev/null | grep -q .' || fail "a Swift runtime is in the root"
[ "$(in_root danecheck --version)" = "$version" ] || fail "danecheck --version is not $version"
[ "$(in_root danecheck-exporter --version)" = "$version" ] || fail "danecheck-exporter --version is not $version"
out=$(net chroot "$root" danecheck domain --resolver "$resolver" --timeout 2 ee311.mx.dane.test) || fail "danecheck domain exited $?: $out"
grep -q "^Domain 'ee311.mx.dane.test' has 1 MX" <<<"$out" || fail "danecheck domain said: $out"
manual=$(in_root env MANPAGER=cat MANWIDTH=80 man danecheck 2>/dev/null) || fail "man danecheck"
grep -q "danecheck domain" <<<"$manual" || fail "man danecheck: no 'danecheck domain' in it"
tail -1 <<<"$manual" | grep -q "danecheck $version" || fail "man danecheck: the footer does not say danecheck $version"
for file in /usr/share/bash-completion/completions/danecheck /usr/share/zsh/vendor-completions/_danecheck \
            /usr/share/fish/vendor_completions.d/danecheck.fish /usr/share/doc/danecheck/copyright \
            /usr/share/doc/danecheck/changelog.gz /lib/systemd/system/danecheck-exporter.service; do
  [ -f "$root$file" ] || fail "$file is not installed"
done
in_root env MANPAGER=cat man 5 danecheck-exporter-modules 2>/dev/null | grep -q "allow_private_addresses" || fail "man 5 danecheck-exporter-modules"
in_root getent passwd danecheck-exporter >/dev/null || fail "no danecheck-exporter user"
[ -f "$root/etc/danecheck/modules.yml" ] && [ -f "$root/etc/default/danecheck-exporter" ] || fail "configuration files missing"
in_root danecheck-exporter --config.file /etc/danecheck/modules.yml --web.config.file /etc/danecheck/web-config.yml --config.check >/dev/null \
  || fail "the shipped configuration does not pass --config.check"
# The exporter as the unit runs it: its user, no new privileges, no capabilities, its flags file.
# shellcheck disable=SC1091
ARGS=$(. "$root/etc/default/danecheck-exporter"; echo "$ARGS")
# The shipped module file (checked above) uses the host's resolver; here the sandbox's, through
# the command line's module "default".
ARGS=${ARGS//127.0.0.1:9309/127.0.0.1:19309}
ARGS=${ARGS//--config.file \/etc\/danecheck\/modules.yml/}
[[ $ARGS == *--web.config.file* && $ARGS != *modules.yml* ]] || fail "/etc/default/danecheck-exporter: unexpected ARGS: $ARGS"
"${netns[@]}" chroot "$root" \
  setpriv --reuid=danecheck-exporter --regid=danecheck-exporter --clear-groups --no-new-privs --bounding-set=-all --inh-caps=-all \
  danecheck-exporter $ARGS --resolver "$resolver" --timeout 2 --allow-private-addresses \
  2> "$root/tmp/exporter.log" &
exporter=$!
disown "$exporter"
for _ in $(seq 50); do grep -q "listening on" "$root/tmp/exporter.log" && break; sleep 0.1; done
page=$(net curl -s -m 20 "http://127.0.0.1:19309/probe?target=ee311.mx.dane.test&module=default")
grep -q '^probe_success 1' <<<"$page" || fail "the exporter in the root answered: $page $(cat "$root/tmp/exporter.log")"
grep -q "^Uid:.*$(in_root id -u danecheck-exporter)" "/proc/$exporter/status" || fail "the exporter does not run as its user"
grep -q '^NoNewPrivs:[[:space:]]*1' "/proc/$exporter/status" || fail "no_new_privs is not set"
grep -q '^CapBnd:[[:space:]]*0000000000000000' "/proc/$exporter/status" || fail "the capability bounding set is not empty"
echo "deb-test: the root's exporter (uid $(in_root id -u danecheck-exporter), no_new_privs, no capabilities) answered probe_success 1"
systemd-analyze security --offline=true --root="$root" danecheck-exporter.service 2>&1 | tail -1
echo "deb-test: passed in $(( $(date +%s) - started )) s"
