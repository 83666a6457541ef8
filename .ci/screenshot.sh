#!/usr/bin/env bash
# Renders the HTML report of the sample corpus in headless Chromium, takes a screenshot and
# checks that it is not blank. Installs Chromium (and a colour emoji font, so drafts with emoji
# do not show empty boxes) when missing.
#
#   .ci/screenshot.sh            # writes .build/screenshot/report.html and report.png
#   SCREENSHOT_DIR=/tmp/s .ci/screenshot.sh
set -euo pipefail
cd "$(dirname "$0")/.."

out="${SCREENSHOT_DIR:-.build/screenshot}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

browser=""
for name in chromium chromium-browser google-chrome; do
  if command -v "$name" >/dev/null 2>&1; then browser="$(command -v "$name")"; break; fi
done
need=()
[ -n "$browser" ] || need+=(chromium)
dpkg -s fonts-noto-color-emoji >/dev/null 2>&1 || need+=(fonts-noto-color-emoji)
if [ ${#need[@]} -gt 0 ]; then
  echo "screenshot: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${need[@]}" >/dev/null
  [ -n "$browser" ] || browser="$(command -v chromium)"
fi

if [ -d corpora/drafts ]; then
  corpus=corpora/drafts
elif [ -d corpora/sample ]; then
  corpus=corpora/sample
else
  echo "screenshot: neither corpora/drafts nor corpora/sample exists" >&2
  exit 2
fi

swift build --product santun >/dev/null
santun="$(swift build --show-bin-path)/santun"
# The drafts only: corpora/drafts also holds the expected rewrites (*.fixed.txt).
mapfile -t drafts < <(find "$corpus" -name '*.txt' ! -name '*.fixed.txt' | LC_ALL=C sort)
"$santun" report --html "$out/report.html" --title "Laporan Santun: $corpus" "${drafts[@]}"

rm -f "$out/report.png"
# --no-sandbox: CI containers run as root, where Chromium's sandbox cannot start.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$out/profile" \
  --screenshot="$out/report.png" --window-size=1280,1600 "file://$out/report.html" 2>/dev/null
rm -rf "$out/profile"
[ -s "$out/report.png" ] || { echo "screenshot: Chromium wrote no screenshot" >&2; exit 1; }

# Non-blank check with the standard library only: decode the PNG (zlib + row filters) and
# require many distinct colours (text, charts, highlights) and a real share of non-background pixels.
python3 - "$out/report.png" <<'PY'
import struct, sys, zlib
path = sys.argv[1]
data = open(path, "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, header = 8, b"", None
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR": header = struct.unpack(">IIBBBBB", body)
    if kind == b"IDAT": idat += body
    pos += 12 + length
width, height, depth, colour, _, _, interlace = header
assert depth == 8 and colour in (2, 6) and interlace == 0, f"unexpected PNG format {header}"
channels = 3 if colour == 2 else 4
stride = width * channels
raw = zlib.decompress(idat)
rows, previous = [], bytearray(stride)
for y in range(height):
    kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for x in range(stride):
        a = line[x - channels] if x >= channels else 0
        b = previous[x]
        c = previous[x - channels] if x >= channels else 0
        if kind == 1: line[x] = (line[x] + a) & 255
        elif kind == 2: line[x] = (line[x] + b) & 255
        elif kind == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif kind == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(bytes(line))
    previous = line
counts = {}
for row in rows[::2]:
    for x in range(0, stride, channels * 2):
        pixel = row[x:x + 3]
        counts[pixel] = counts.get(pixel, 0) + 1
total = sum(counts.values())
background = max(counts.values())
colours = len(counts)
share = 1 - background / total
print(f"screenshot: {width}x{height}, {colours} distinct colours, {share:.0%} non-background pixels")
if colours < 64 or share < 0.05:
    sys.exit("screenshot: the page looks blank")
PY
echo "screenshot: $out/report.png (page: $out/report.html)"
