#!/usr/bin/env bash
# Regenerate src/cacheai/types from the installed openai types (needs the pinned openai in the test extras).
# Usage: bash scripts/gen_types/install.sh   (from python/, in an environment with `pip install -e '.[test]'`)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
pkg="$(cd "$here/../.." && pwd)"
out="$(mktemp -d)"
DISCRIMINATE="${DISCRIMINATE:-1}" python "$here/gen.py" "$out/cacheai"
# The hand-written modules (hand/<package>/<module>.py) go into the generated packages as they are.
cp "$here/hand/chat/"*.py "$out/cacheai/types/chat/"
cp "$here/hand/responses/"*.py "$out/cacheai/types/responses/"
python "$here/dedupe_aliases.py" "$out/cacheai/types"
rm -rf "$pkg/src/cacheai/types" && mkdir -p "$pkg/src/cacheai/types"
cp -r "$out/cacheai/types/." "$pkg/src/cacheai/types/"
rm -rf "$out"
cd "$pkg"
ruff check --fix -q src/cacheai/types || true
ruff format -q src/cacheai/types
ruff check -q src/cacheai/types
