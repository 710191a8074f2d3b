#!/usr/bin/python3
"""Validates danecheck JSON output against schema/danecheck.schema.json.

    scripts/validate-json.py [--def NAME] [--lines] < output

Without --def the document must match the schema's top level (any command's document); with
--def NAME it must match that definition ($defs/NAME, e.g. check_domain). --lines reads JSON
Lines (each line one document). Prints each violation with its path; exits 1 on any, 0 if every
document is valid. Uses python3-jsonschema (Debian), Draft 2020-12.
"""
import json
import os
import sys

import jsonschema


def main():
    args = sys.argv[1:]
    definition = None
    lines = False
    while args:
        arg = args.pop(0)
        if arg == "--def" and args:
            definition = args.pop(0)
        elif arg == "--lines":
            lines = True
        else:
            sys.exit(f"usage: {sys.argv[0]} [--def NAME] [--lines] < output")
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "schema", "danecheck.schema.json")
    with open(path) as handle:
        schema = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(schema)
    if definition is not None:
        if definition not in schema["$defs"]:
            sys.exit(f"no definition {definition!r} in the schema")
        schema = {"$defs": schema["$defs"], "$ref": f"#/$defs/{definition}"}
    validator = jsonschema.Draft202012Validator(schema)
    text = sys.stdin.read()
    documents = [line for line in text.splitlines() if line.strip()] if lines else [text]
    if not documents:
        sys.exit("no JSON document on stdin")
    failures = 0
    for number, document in enumerate(documents, 1):
        try:
            value = json.loads(document)
        except json.JSONDecodeError as error:
            print(f"document {number}: not JSON: {error}")
            failures += 1
            continue
        for error in sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path)):
            where = "/".join(str(part) for part in error.absolute_path) or "(top)"
            print(f"document {number}: {where}: {error.message[:300]}")
            failures += 1
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
