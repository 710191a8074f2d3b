#!/usr/bin/env bash
# The HTML report at survey size: how big the file is, how long `summary --html` takes to write
# it, and how long headless Chromium takes to load it (its table drawn) and to paint it.
#
#   make bench-report         (builds, starts the sandbox, runs this)
#   bench/report.sh           (sandbox running; DANECHECK_BIN picks a binary; DOMAINS, default 100000)
#
# The lines are those of a real `check --jsonl` run over ten sandbox domains (every verdict the
# sandbox has, findings, expiries, the hostile TLSRPT TXT), repeated under distinct names
# (dN.<domain>) up to DOMAINS lines and merged by `summary --html`, as a survey's shards are.
# The control is the report of the ten domains alone: what Chromium costs for any page.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${DOMAINS:-100000}
bin=${DANECHECK_BIN:-$(swift build --show-bin-path)/danecheck}
resolver=127.53.0.2
sandbox/sandbox.sh status >/dev/null 2>&1 || { echo "bench: the sandbox is not running (make bench-report starts it)" >&2; exit 1; }
command -v chromium >/dev/null || { echo "bench: chromium not installed (make deps installs it)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
domains="dane.test good.rpt.test hostile.rpt.test norua.rpt.test deferred.dane.test expiredrr.test nullmx.test lame.test insecure.test example.test"
# shellcheck disable=SC2086
"$bin" check --jsonl --timeout 3 --resolver "$resolver" --html "$work/seed.html" $domains > "$work/seed.jsonl" 2>/dev/null || true
python3 - "$work/seed.jsonl" "$n" > "$work/survey.jsonl" <<'PY'
import json, sys
seed = [json.loads(line) for line in open(sys.argv[1])]
for i in range(int(sys.argv[2])):
    line = dict(seed[i % len(seed)])
    line["domain"] = f"d{i}.{line['domain']}"
    line.pop("details", None)  # summary reads no details
    print(json.dumps(line, separators=(",", ":")))
PY

now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }
chrome=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,1700)

start=$(now); "$bin" summary --html "$work/survey.html" "$work/survey.jsonl" >/dev/null 2>&1 || true; written=$(now)
echo "summary --html over $n lines ($(du -h "$work/survey.jsonl" | cut -f1) of JSONL): $(elapsed "$start" "$written") s"
echo "report: $(stat -c %s "$work/survey.html") bytes ($(gzip -c "$work/survey.html" | wc -c) gzipped); 10 domains: $(stat -c %s "$work/seed.html") bytes"
for page in seed survey; do
  dom=$("${chrome[@]}" --dump-dom "file://$work/$page.html" 2>/dev/null)
  rows=$(sed -n 's/.*data-rows="\([0-9]*\)".*/\1/p' <<<"$dom" | head -1)
  ready=$(sed -n 's/.*data-ready-ms="\([0-9]*\)".*/\1/p' <<<"$dom" | head -1)
  start=$(now); "${chrome[@]}" --screenshot="$work/$page.png" "file://$work/$page.html" >/dev/null 2>&1; shot=$(now)
  echo "$page: $rows rows in the table's data; its script done at ${ready} ms after navigation; headless load + paint + screenshot: $(elapsed "$start" "$shot") s"
done
