#!/usr/bin/env bash
# Fuzzes Santun with libFuzzer and AddressSanitizer for a bounded time (default 60 s):
#   bash .ci/fuzz.sh [seconds]
# Seeds come from corpora/ (drafts for the lint modes, rule packs for the pack mode, configuration
# files for the configuration mode); the first byte of an input chooses the mode, so each seed is
# written once per mode it suits. An input that breaks an invariant is saved in fuzz-artifacts/:
# keep it in corpora/fuzz/ (a test replays that folder) and fix what it found.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"

swift build -c release --product santun-fuzz --build-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DSANTUN_FUZZ
binary=".build-fuzz/release/santun-fuzz"

seeds="$(mktemp -d)"
work="$(mktemp -d)"
trap 'rm -rf "$seeds" "$work"' EXIT
add_seed() {  # mode byte, file
    local name
    name="$(printf '%s' "$2" | tr '/' '_')"
    { printf "\\x$(printf %02x "$1")"; head -c 4000 "$2"; } > "$seeds/$1-$name"
}
# Every draft under corpora/ (annotations and expected fixes are drafts too, for the fuzzer).
while IFS= read -r -d '' draft; do
    for mode in 0 1 2; do add_seed "$mode" "$draft"; done
done < <(find corpora/drafts corpora/clean corpora/training corpora/sample -type f -name '*.txt' -print0)
for pack in rules/*.yml Tests/SantunTests/Fixtures/*.yml; do add_seed 3 "$pack"; done
printf '\x04packs: [a.yml]\ndisable: [slang]\nplatform: x\nfail-on: warning\n' > "$seeds/4-config"
if [ -d corpora/fuzz ]; then
    find corpora/fuzz -type f ! -name README.md -exec cp {} "$seeds/" \;
fi
echo "santun-fuzz: $(ls "$seeds" | wc -l) seeds, ${seconds} s"

mkdir -p fuzz-artifacts
# The first folder collects what libFuzzer finds new; the seeds are only read.
"$binary" "$work" "$seeds" -max_total_time="$seconds" -max_len=8192 -timeout=20 -rss_limit_mb=4096 \
    -artifact_prefix=fuzz-artifacts/ -print_final_stats=1
