#!/usr/bin/env bash
# Regenerate SampleMedia/edge/ and SampleMedia/malformed/ from SampleMedia/photos/.
#
#   SampleMedia/make-sample-media.sh                 offline; needs exiftool
#   SampleMedia/make-sample-media.sh --fetch-photos  also rebuild photos/ from PyPI
#
# Python runs in .venv/ at the repository root (gitignored), created here with
# a pinned Pillow so that the re-encoded files come out byte-identical.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
venv="$repo/.venv"
pillow_pin="pillow==13.0.0"

if ! command -v exiftool >/dev/null; then
    echo "exiftool not found: apt-get install -y libimage-exiftool-perl" >&2
    exit 1
fi

if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import PIL, sys; sys.exit(PIL.__version__ != '${pillow_pin#*==}')" 2>/dev/null; then
    "$venv/bin/pip" install --quiet "$pillow_pin"
fi

exec "$venv/bin/python" "$here/make-sample-media.py" "$@"
