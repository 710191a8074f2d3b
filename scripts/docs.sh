#!/usr/bin/env bash
# Regenerates man/danecheck.1 and completions/ from the command tree (swift-argument-parser's
# generate-manual and --generate-completion-script), then puts the hand-written sections of
# man/sections.mdoc in place of the generic EXIT STATUS.
#
#   scripts/docs.sh                   rebuild and rewrite man/danecheck.1 and completions/
#   scripts/docs.sh --man-only DIR    write DIR/danecheck.1 only (the staleness test uses this)
#
# DANECHECK_BIN_DIR names a build directory holding danecheck and generate-manual (no build is
# then run). The man page keeps its date unless DANECHECK_MAN_DATE (yyyy-mm-dd) is set, so
# regenerating an unchanged tree changes nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

man_dir=man
completions=yes
if [ "${1:-}" = "--man-only" ]; then
  man_dir=${2:?--man-only needs a directory}
  completions=no
fi

bin=${DANECHECK_BIN_DIR:-}
if [ -z "$bin" ]; then
  swift build --product danecheck >/dev/null
  swift build --product generate-manual >/dev/null
  bin=$(swift build --show-bin-path)
fi

date=${DANECHECK_MAN_DATE:-$(sed -n 's/^\.Dd \(.*\)$/\1/p' man/danecheck.1 2>/dev/null | head -1)}
[ -n "$date" ] || date=$(date -u +%Y-%m-%d)
date=$(date -u -d "$date" +%Y-%m-%d)

mkdir -p "$man_dir"
"$bin/generate-manual" "$bin/danecheck" --date "$date" --authors "danecheck developers" -o "$man_dir" >/dev/null
python3 - "$man_dir/danecheck.1" man/sections.mdoc <<'PY'
import sys
page, extra = sys.argv[1], open(sys.argv[2]).read()
text = open(page).read()
generic = '.Sh "EXIT STATUS"\n.Ex -std\n'
assert generic in text, "generate-manual output changed: no generic EXIT STATUS section"
open(page, "w").write(text.replace(generic, extra))
PY

if [ "$completions" = yes ]; then
  mkdir -p completions
  for shell in bash zsh fish; do
    "$bin/danecheck" --generate-completion-script "$shell" > "completions/danecheck.$shell"
  done
  echo "man/danecheck.1 and completions/ regenerated (date $date)"
fi
