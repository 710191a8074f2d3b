#!/usr/bin/env bash
# Regenerates man/danecheck.1, man/danecheck-exporter.1 and completions/ from the command trees
# (swift-argument-parser's generate-manual and --generate-completion-script), then puts the
# hand-written sections of man/sections.mdoc in place of danecheck.1's generic EXIT STATUS.
#
#   scripts/docs.sh                   rebuild and rewrite man/ and completions/
#   scripts/docs.sh --man-only DIR    write DIR/danecheck.1 and DIR/danecheck-exporter.1 only
#                                     (the staleness test uses this)
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
  swift build --product danecheck-exporter >/dev/null
  swift build --product generate-manual >/dev/null
  bin=$(swift build --show-bin-path)
fi

date=${DANECHECK_MAN_DATE:-$(sed -n 's/^\.Dd \(.*\)$/\1/p' man/danecheck.1 2>/dev/null | head -1)}
[ -n "$date" ] || date=$(date -u +%Y-%m-%d)
date=$(date -u -d "$date" +%Y-%m-%d)

mkdir -p "$man_dir"
"$bin/generate-manual" "$bin/danecheck" --date "$date" --authors "danecheck developers" -o "$man_dir" >/dev/null
"$bin/danecheck" --help > "$man_dir/.help.txt"
python3 - "$man_dir/danecheck.1" man/sections.mdoc "$man_dir/.help.txt" schema/danecheck.schema.json <<'PY'
import json, re, sys
page, extra, help_text = sys.argv[1], open(sys.argv[2]).read(), open(sys.argv[3]).read()
schema = json.load(open(sys.argv[4]))
text = open(page).read()
generic = '.Sh "EXIT STATUS"\n.Ex -std\n'
assert generic in text, "generate-manual output changed: no generic EXIT STATUS section"

def section(title, item, width, intro):
    """A table every command's --help carries (DanecheckExit.summary, DanecheckVerdicts.summary):
    once in the page, as its own section, not again under each command (where troff would
    reflow it mid-term)."""
    global text
    pattern = r"^" + re.escape(title) + r" \(.*\)\n((?:  .*\n)+)"
    block = re.search(pattern, help_text, re.M)
    assert block, f"no {title} table in danecheck --help"
    items, tail = [], []
    for line in block.group(1).splitlines():
        m = re.match(item, line)
        if m:
            items.append([m.group(1), m.group(2).strip()])
        elif re.match(r"^ {5,}\S", line) and items and not tail:
            items[-1][1] += " " + line.strip()
        else:
            tail.append(line.strip())
    body = f".Sh \"{title}\"\n{intro}\n.Bl -tag -width {width}\n"
    body += "".join(f".It {key}\n{words}\n" for key, words in items) + ".El\n"
    if tail:
        body += ".Pp\n" + "\n".join(tail) + "\n"
    text = re.sub(pattern, "", text, flags=re.M)
    assert title + " (" not in text, f"{title} table left in a command's section"
    return body

exits = section("EXIT STATUS", r"^  (\d)  (.*)$", "3n", "The same codes for every command:")
verdicts = section("VERDICTS", r"^  ([a-z]+) {2,}(.*)$", "14n",
                   "Every address, host and domain gets one of these words with a one-line reason that names the cause; "
                   "each with what Postfix says or does for the same case and what Momentum does:")
findings = section("FINDINGS", r"^  ([a-z-]+)()$", "24n",
                   "Besides its verdict, a domain may have findings (check prints them under it, JSON as warnings, "
                   "Nagios and the exporter count them); each kind with its severity and what it means:")
for title, body in (("EXIT STATUS", exits), ("VERDICTS", verdicts), ("FINDINGS", findings)):
    placeholder = f".Sh \"{title}\"\n.\\\" generated from danecheck --help by scripts/docs.sh\n"
    placeholder_bare = f".Sh {title}\n.\\\" generated from danecheck --help by scripts/docs.sh\n"
    assert placeholder in extra or placeholder_bare in extra, f"man/sections.mdoc lacks the {title} placeholder"
    extra = extra.replace(placeholder, body).replace(placeholder_bare, body)
# Blank lines of the help texts (paragraphs) as mdoc paragraphs.
text = re.sub(r"\n(?:[ \t]*\n)+", "\n.Pp\n", text)
# JSON OUTPUT from the schema file: each definition with its keys, their types and meaning.
def json_type(node):
    if "$ref" in node:
        return node["$ref"].rsplit("/", 1)[1].upper()
    if "const" in node:
        return json.dumps(node["const"])
    if "enum" in node:
        return " | ".join(json.dumps(value) for value in node["enum"])
    if node.get("type") == "array":
        return "[" + json_type(node["items"]) + ", ...]"
    if node.get("type") == "object" and "properties" in node:
        return "object"
    if node.get("type") == "object":
        return "{" + json_type(node.get("propertyNames", {"type": "string"})) + ": " + json_type(node["additionalProperties"]) + "}"
    return node.get("type", "value")

def json_keys(node, prefix=""):
    """The keys of an object, nested objects flattened into dotted paths (tls.chain, records[].result)."""
    lines = []
    for key, value in node["properties"].items():
        optional = "" if key in node.get("required", []) else ", optional"
        lines += [f".It Li {prefix}{key}", f"{json_type(value)}{optional}: {value['description']}"]
        if value.get("type") == "object" and "properties" in value:
            lines += json_keys(value, f"{prefix}{key}.")
        if value.get("type") == "array" and value["items"].get("type") == "object" and "properties" in value["items"]:
            lines += json_keys(value["items"], f"{prefix}{key}[].")
    return lines

def json_object(name, node):
    return [f".Ss {name.upper()}", node["description"], ".Bl -tag -width 6n"] + json_keys(node) + [".El"]

json_section = [".Sh \"JSON OUTPUT\"", schema["description"],
                "The schema, JSON Schema draft 2020-12, is schema/danecheck.schema.json in the source (version "
                + str(schema["$defs"]["domain"]["properties"]["schema_version"]["const"]) + ").",
                "Each command's document is the definition of its name below (check --jsonl: CHECK_DOMAIN, one per line, in the order domains finish); "
                "names in capitals are the definitions of that name."]
for name, node in schema["$defs"].items():
    json_section += json_object(name, node)
json_placeholder = '.Sh "JSON OUTPUT"\n.\\" generated from schema/danecheck.schema.json by scripts/docs.sh\n'
assert json_placeholder in extra, "man/sections.mdoc lacks the JSON OUTPUT placeholder"
extra = extra.replace(json_placeholder, "\n".join(json_section) + "\n")

# No hyphenation (groff mdoc restores its own flags at each macro, hence the register):
# option names such as --tls-verify must not break across lines.
text = text.replace("\n.Sh NAME\n", "\n.nr doc-hyphen-flags 0\n.nh\n.Sh NAME\n", 1)
assert "\n.nh\n" in text, "generate-manual output changed: no NAME section"
open(page, "w").write(text.replace(generic, extra))
PY
rm -f "$man_dir/.help.txt"
# The exporter's page as generate-manual writes it (its --help carries the exit codes).
"$bin/generate-manual" "$bin/danecheck-exporter" --date "$date" --authors "danecheck developers" -o "$man_dir" >/dev/null
# A blank line in a paragraph of --help is a paragraph break, not groff's "empty input line".
sed -i 's/^$/.Pp/' "$man_dir/danecheck-exporter.1"
# The version, from the one place it is written (DanecheckVersion), in each page's footer.
version=$("$bin/danecheck" --version)
sed -i "s/^\.Os.*\$/.Os danecheck $version/" "$man_dir/danecheck.1" "$man_dir/danecheck-exporter.1" man/danecheck-exporter-modules.5

if [ "$completions" = yes ]; then
  mkdir -p completions
  for shell in bash zsh fish; do
    "$bin/danecheck" --generate-completion-script "$shell" > "completions/danecheck.$shell"
  done
  echo "man/danecheck.1, man/danecheck-exporter.1 and completions/ regenerated (date $date)"
fi
