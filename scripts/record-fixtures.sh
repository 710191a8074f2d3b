#!/usr/bin/env bash
# Records the answers the offline DNSSEC tests need (Tests/Fixtures/sandbox-dnssec.json) from a
# running sandbox: the tests that use `SandboxFixture` run once against the live non-validating
# resolver, every exchange is kept, and the recording is written with the sandbox's trust anchors
# and the time, which the tests then use as their clock. `make fixtures` starts the sandbox.
# The proof-shape tests then write the answers they validate, from the new recording, into
# Fuzz/corpus/denial-proof/proof-* (the seeds of the validator's fuzz targets).
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
swift build --build-tests >/dev/null
DANECHECK_RECORD_FIXTURES="$log" swift test --skip-build --filter 'StrippedSignatureTests|OfflineValidationTests|ChainLookupFailureTests|ProofShapeTests|ProofAttackTests' >/dev/null
python3 - "$log" Tests/Fixtures/sandbox-dnssec.json <<'PY'
import datetime, json, sys
answers = {}
for line in open(sys.argv[1]):
    entry = json.loads(line)
    answers[entry["q"]] = entry["wire"]
first = lambda path: next(l.strip() for l in open(path) if l.strip() and not l.startswith(";"))
fixture = {
    "recordedAt": datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
    "rootAnchor": first(".sandbox/keys/root.ds"),
    "testAnchor": first(".sandbox/zones/test.ds"),
    "nestedAnchors": open(".sandbox/proof/anchors-nested").read(),
    "deepAnchors": open(".sandbox/proof/anchors-deep").read(),
    "answers": dict(sorted(answers.items())),
}
with open(sys.argv[2], "w") as out:
    json.dump(fixture, out, indent=1)
    out.write("\n")
print(f"recorded {len(answers)} answers into {sys.argv[2]}")
PY
rm -f Fuzz/corpus/denial-proof/proof-*
DANECHECK_FUZZ_SEEDS=Fuzz/corpus/denial-proof swift test --skip-build --filter 'ProofShapeTests|ProofAttackTests' >/dev/null
echo "wrote $(ls Fuzz/corpus/denial-proof/proof-* | wc -l) proof-shape seeds into Fuzz/corpus/denial-proof"
