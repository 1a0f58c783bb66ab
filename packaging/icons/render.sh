#!/usr/bin/env bash
# Renders the icons from talkbook.svg (the source): talkbook.png (Linux, 256 px), talkbook.ico
# (Windows, 16–256 px), talkbook.icns (macOS, 16–512 px) and the window icons the app loads.
# Needs rsvg-convert (Debian: librsvg2-bin), ImageMagick's convert and python3.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for s in 16 32 48 64 128 256 512; do
  rsvg-convert -w "$s" -h "$s" talkbook.svg -o "$tmp/$s.png"
done
cp "$tmp/256.png" talkbook.png
convert "$tmp"/{16,32,48,64,128,256}.png talkbook.ico
python3 - "$tmp" <<'PY'
import struct, sys
tmp = sys.argv[1]
body = b''
for kind, size in [(b'icp4', 16), (b'icp5', 32), (b'ic07', 128), (b'ic08', 256), (b'ic09', 512)]:
    data = open(f'{tmp}/{size}.png', 'rb').read()
    body += kind + struct.pack('>I', len(data) + 8) + data
open('talkbook.icns', 'wb').write(b'icns' + struct.pack('>I', len(body) + 8) + body)
PY
window=../../resources/dev/talkbook/ui/icons
mkdir -p "$window"
for s in 16 32 64 128 256; do cp "$tmp/$s.png" "$window/talkbook-$s.png"; done
echo "icons written"
