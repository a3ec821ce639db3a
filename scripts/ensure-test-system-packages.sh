#!/usr/bin/env bash
# Debian packages the tests need, installed when missing (needs root):
#   chromium                browser tests (npm cannot download browsers on these machines),
#   fonts-dejavu-core       with a font that has Cyrillic for its screenshots
#   poppler-utils, qpdf     judge the evidence PDF; qpdf also makes encrypted samples
#   mupdf-tools             MuPDF reads and draws it too (tests/integration/pdf-readers.test.ts)
#   libimage-exiftool-perl  proves no EXIF/GPS leaves the server
#   imagemagick             makes unusual samples (CMYK, HEIC); checked by package, because a
#                           machine may carry a stand-in `convert` command
#   strace                  the privacy test traces every file the server opens for writing
set -euo pipefail
packages=(chromium fonts-dejavu-core poppler-utils qpdf mupdf-tools libimage-exiftool-perl imagemagick strace)
need=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing system packages: ${need[*]}. Install them with: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
