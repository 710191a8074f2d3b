#!/usr/bin/env bash
# Regenerates man/danecheck.1 and completions/ from the command tree (swift-argument-parser's
# generate-manual and --generate-completion-script). The date in the man page is kept unless
# DANECHECK_MAN_DATE is set, so regenerating an unchanged tree changes nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product danecheck >/dev/null
swift build --product generate-manual >/dev/null
bin=$(swift build --show-bin-path)
date=${DANECHECK_MAN_DATE:-$(sed -n 's/^\.Dd \(.*\)$/\1/p' man/danecheck.1 2>/dev/null | head -1)}
[ -n "$date" ] || date=$(date -u +%Y-%m-%d)
# generate-manual prints month names; it wants yyyy-mm-dd.
date=$(date -u -d "$date" +%Y-%m-%d)
mkdir -p man completions
"$bin/generate-manual" "$bin/danecheck" --date "$date" --authors "danecheck developers" -o man >/dev/null
# Replace the generic EXIT STATUS with the hand-written sections (exit codes, JSON schema, ...).
python3 - man/danecheck.1 man/sections.mdoc <<'PY'
import sys
page, extra = sys.argv[1], open(sys.argv[2]).read()
text = open(page).read()
generic = '.Sh "EXIT STATUS"\n.Ex -std\n'
assert generic in text, "generate-manual output changed: no generic EXIT STATUS section"
open(page, "w").write(text.replace(generic, extra))
PY
for shell in bash zsh fish; do
  "$bin/danecheck" --generate-completion-script "$shell" > "completions/danecheck.$shell"
done
echo "man/danecheck.1 and completions/ regenerated (date $date)"
