#!/usr/bin/env python3
"""Mutation check: applies each edit of a list to a scratch copy of the checkout, one at a time,
runs the tests that list names (or the whole suite), and reports which tests went red; an edit
no test notices is a SURVIVOR (a rule without a test that holds it). Not part of CI.

    scripts/mutate.py [LIST] [--only N,N...] [--scratch DIR] [--lock FILE]

LIST (default scripts/mutations.txt) holds blocks, one per mutation:

    ## a title: what the edit breaks
    file: Sources/DaneCore/Verdict/AddressVerdictRule.swift
    filter: ProbeCaseTests|CheckCommandTests        (optional: a swift test --filter; none = all)
    - the exact text to replace (one line or more, each starting "- ")
    + the text put in its place (each line starting "+ ")

The text after "- " and "+ " is taken as it is, indentation included: a one-line edit matches
anywhere in its line, a block of several lines must carry each line's own indentation. The
text to replace must occur exactly once. The tests run with DANECHECK_ALONE=1 (the `.alone`
tests can be named); the fault tests are left out (they stop the sandbox's servers).

The scratch copy (default /tmp/danecheck-mutate) has its own .build: the first build is a clean
one, each mutation after it an incremental one. The sandbox must be up (make sandbox-start);
the tests read its state from DANECHECK_SANDBOX_DIR (default: this checkout's .sandbox).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

root = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))


def parse(path):
    mutations, current = [], None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("## "):
            current = {"title": line[3:], "file": None, "filter": None, "old": [], "new": []}
            mutations.append(current)
        elif current is None or not line.strip() or line.startswith("#"):
            continue
        elif line.startswith("file: "):
            current["file"] = line[6:].strip()
        elif line.startswith("filter: "):
            current["filter"] = line[8:].strip()
        elif line.startswith("- ") or line == "-":
            current["old"].append(line[2:])
        elif line.startswith("+ ") or line == "+":
            current["new"].append(line[2:])
        else:
            sys.exit(f"mutate: cannot read line: {line}")
    return mutations


def run(command, cwd, env=None, log=None):
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if log:
        with open(log, "w") as f:
            f.write(result.stdout + result.stderr)
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("list", nargs="?", default=os.path.join(root, "scripts", "mutations.txt"))
    parser.add_argument("--only")
    parser.add_argument("--scratch", default="/tmp/danecheck-mutate")
    parser.add_argument("--lock", help="run each build under flock(1) on this file (one build at a time on a shared machine)")
    parser.add_argument("--check", action="store_true", help="only check that each edit's text occurs once (no build)")
    args = parser.parse_args()
    build = (["flock", args.lock] if args.lock else []) + ["swift", "build", "--build-tests"]
    mutations = parse(args.list)
    if args.check:
        stale = 0
        for number, mutation in enumerate(mutations, 1):
            count = open(os.path.join(root, mutation["file"]), encoding="utf-8").read().count("\n".join(mutation["old"])) \
                if os.path.isfile(os.path.join(root, mutation["file"])) else 0
            if count != 1:
                stale += 1
                print(f"{number:2}. {mutation['title']}: the text to replace is found {count} times in {mutation['file']}")
        sys.exit(1 if stale else 0)
    only = {int(n) for n in args.only.split(",")} if args.only else None
    scratch = args.scratch
    os.makedirs(scratch, exist_ok=True)
    # The checkout as it is (uncommitted edits and new files too): every file git does not ignore.
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=root,
                           capture_output=True, check=True).stdout.decode().split("\0")
    listed = set(filter(None, files))
    # A file moved or deleted in the checkout must leave the copy too (two copies of one file
    # would not build): every file of the copy's own that git no longer lists goes.
    for folder, _, names in os.walk(scratch):
        if os.path.relpath(folder, scratch).split(os.sep)[0].startswith(".build"):
            continue
        for name in names:
            relative = os.path.relpath(os.path.join(folder, name), scratch)
            if relative not in listed:
                os.remove(os.path.join(folder, name))
    for name in listed:
        source, target = os.path.join(root, name), os.path.join(scratch, name)
        if not os.path.isfile(source):
            continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(source, target)
    env = dict(os.environ, DANECHECK_SANDBOX="1", DANECHECK_ALONE="1",
               DANECHECK_SANDBOX_DIR=os.environ.get("DANECHECK_SANDBOX_DIR", os.path.join(root, ".sandbox")))
    if run(build, scratch, log=os.path.join(scratch, "build.log")).returncode != 0:
        sys.exit(f"mutate: the unmutated copy does not build (see {scratch}/build.log)")
    survivors = 0
    for number, mutation in enumerate(mutations, 1):
        if only and number not in only:
            continue
        path = os.path.join(scratch, mutation["file"])
        original = open(path, encoding="utf-8").read()
        old, new = "\n".join(mutation["old"]), "\n".join(mutation["new"])
        if original.count(old) != 1:
            print(f"{number:2}. {mutation['title']}: the text to replace is found {original.count(old)} times in {mutation['file']}")
            survivors += 1
            continue
        open(path, "w", encoding="utf-8").write(original.replace(old, new))
        try:
            built = run(build, scratch, log=os.path.join(scratch, f"build-{number}.log"))
            if built.returncode != 0:
                print(f"{number:2}. {mutation['title']}: does not compile (see {scratch}/build-{number}.log)")
                survivors += 1
                continue
            command = ["swift", "test", "--skip-build"] + (["--filter", mutation["filter"]] if mutation["filter"] else [])
            test = run(command, scratch, env=env, log=os.path.join(scratch, f"test-{number}.log"))
            failed = sorted(set(re.findall(r"✘ Test (\S+?)\(", test.stdout + test.stderr)))
            if test.returncode != 0 and failed:
                print(f"{number:2}. {mutation['title']}: killed by {', '.join(failed)}")
            else:
                survivors += 1
                print(f"{number:2}. {mutation['title']}: SURVIVED (status {test.returncode})")
        finally:
            open(path, "w", encoding="utf-8").write(original)
        sys.stdout.flush()
    # The copy is left built and unmutated for the next run.
    run(build, scratch)
    print(f"{survivors} survivor(s)")
    sys.exit(1 if survivors else 0)


if __name__ == "__main__":
    main()
