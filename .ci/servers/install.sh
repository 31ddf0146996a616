#!/usr/bin/env bash
# Installs (or reuses) the third-party servers the integration tests run against:
#   Prism 5.14.2 (npm)                 -> $CACHE/prism
#   LiteLLM proxy (PyPI, own venv)     -> $CACHE/litellm
#   llama-cpp-python server (compiled) -> $CACHE/llama  (plus `gguf`, which writes the tiny test model)
# and prints, on stdout only, the `export VAR=...` lines the test run needs. Progress goes to stderr.
#
# Usage (from .ci/run):   eval "$(.ci/servers/install.sh)"
#   or:                   .ci/servers/install.sh --env-file FILE && . FILE
#
# A component counts as installed only when its marker file (written after a successful install and
# smoke check) is present AND the smoke check still passes; otherwise it is (re)installed. A fresh
# machine pays the llama.cpp compile (about 10 minutes on 2 cores; pip caches the wheel afterwards).
# Any failure exits non-zero with a message naming the component and its log file.
#
# Everything else the servers need is in the repository: the OpenAPI spec for Prism is test data
# (python/tests/integration/data/), the tiny llama model is written at test time by
# python/scripts/make_tiny_model.py (run by the `llama` fixture with the llama venv's python).
#
# Environment: CACHEAI_CI_CACHE (default ~/.cache/cacheai-ci), CACHEAI_SERVERS_PYTHON (python used to create
# the venvs; default python3.11, then python3). Optional overrides, passed through when set:
# CACHEAI_OPENAPI_SPEC (another spec file), CACHEAI_TINY_LLAMA_MODEL (another .gguf model).
set -euo pipefail

PRISM_VERSION="5.14.2"
LITELLM_VERSION="1.102.4"      # newer releases require certifi>=2026.10.19, which PyPI here does not have
LLAMA_CPP_PYTHON_VERSION="0.3.36"
GGUF_VERSION="0.19.0"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cache="${CACHEAI_CI_CACHE:-$HOME/.cache/cacheai-ci}"
env_file=""
if [ "${1:-}" = "--env-file" ]; then env_file="${2:?--env-file needs a path}"; fi

log() { printf '[servers] %s\n' "$*" >&2; }
die() { printf '[servers] ERROR: %s\n' "$*" >&2; exit 1; }

base_python="${CACHEAI_SERVERS_PYTHON:-}"
if [ -z "$base_python" ]; then
  for candidate in python3.11 python3.12 python3.10 python3; do
    if command -v "$candidate" >/dev/null 2>&1; then base_python="$(command -v "$candidate")"; break; fi
  done
fi
[ -n "$base_python" ] || die "no python3 found to create the server virtual environments"

spec="${CACHEAI_OPENAPI_SPEC:-$repo/python/tests/integration/data/openai-openapi.prism.json}"
[ -f "$spec" ] || die "OpenAPI spec for Prism not found at $spec"
model="${CACHEAI_TINY_LLAMA_MODEL:-}"
[ -z "$model" ] || [ -f "$model" ] || die "CACHEAI_TINY_LLAMA_MODEL is set but $model does not exist"

mkdir -p "$cache"
# One installer at a time per cache directory (parallel CI jobs on one machine).
exec 9>"$cache/.install.lock"
flock 9

# --- Prism ---------------------------------------------------------------------------------------------
prism_dir="$cache/prism"
prism_bin="$prism_dir/node_modules/.bin/prism"
prism_marker="$prism_dir/.installed-prism-$PRISM_VERSION"
prism_ok() { [ -x "$prism_bin" ] && "$prism_bin" --version 2>/dev/null | grep -qx "$PRISM_VERSION"; }
install_prism() {
  command -v npm >/dev/null 2>&1 || { echo "npm is not installed (Prism needs Node.js 18+)"; return 1; }
  rm -f "$prism_marker"
  mkdir -p "$prism_dir"
  npm install --prefix "$prism_dir" --no-audit --no-fund "@stoplight/prism-cli@$PRISM_VERSION"
  prism_ok || { echo "prism installed but '$prism_bin --version' is not $PRISM_VERSION"; return 1; }
  touch "$prism_marker"
}

# --- LiteLLM -------------------------------------------------------------------------------------------
litellm_dir="$cache/litellm"
litellm_bin="$litellm_dir/bin/litellm"
litellm_marker="$litellm_dir/.installed-litellm-$LITELLM_VERSION"
litellm_ok() {
  [ -x "$litellm_bin" ] && "$litellm_dir/bin/python" - "$LITELLM_VERSION" <<'PY' 2>/dev/null
import sys
from importlib.metadata import version
import fastapi, prisma, uvicorn, yaml  # noqa: F401  the proxy's own dependencies
assert version("litellm") == sys.argv[1], version("litellm")
PY
}
install_litellm() {
  rm -f "$litellm_marker"
  [ -x "$litellm_dir/bin/python" ] || "$base_python" -m venv "$litellm_dir"
  "$litellm_dir/bin/pip" install -q "litellm[proxy]==$LITELLM_VERSION" prisma
  litellm_ok || { echo "litellm installed but its smoke import failed"; return 1; }
  touch "$litellm_marker"
}

# --- llama-cpp-python server ---------------------------------------------------------------------------
llama_dir="$cache/llama"
llama_python="$llama_dir/bin/python"
llama_marker="$llama_dir/.installed-llama-cpp-python-$LLAMA_CPP_PYTHON_VERSION"
llama_ok() {
  [ -x "$llama_python" ] && "$llama_python" - "$LLAMA_CPP_PYTHON_VERSION" <<'PY' 2>/dev/null
import sys
from importlib.metadata import version
import llama_cpp.server.app  # noqa: F401  needs the [server] extra (fastapi, uvicorn, sse-starlette)
assert version("llama_cpp_python") == sys.argv[1], version("llama_cpp_python")
PY
}
install_llama() {
  rm -f "$llama_marker"
  [ -x "$llama_python" ] || "$base_python" -m venv "$llama_dir"
  CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-2}" \
    CMAKE_ARGS="${CMAKE_ARGS:--DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF}" \
    "$llama_dir/bin/pip" install -q "llama-cpp-python[server]==$LLAMA_CPP_PYTHON_VERSION"
  llama_ok || { echo "llama-cpp-python installed but its smoke import failed"; return 1; }
  touch "$llama_marker"
}

# --- run the missing installs in parallel (downloads overlap the compile) -----------------------------
declare -A pids=()
declare -A logs=()
ensure() {  # ensure NAME: reuse when marker + smoke check pass, else install in the background
  local name="$1"
  local marker ok_fn install_fn
  marker="${name}_marker"; ok_fn="${name}_ok"; install_fn="install_${name}"
  if [ -f "${!marker}" ] && "$ok_fn"; then
    log "$name: reusing ${!marker%/*}"
    return 0
  fi
  logs[$name]="$cache/$name-install.log"
  log "$name: installing (log: ${logs[$name]})"
  ( set -e; "$install_fn" ) >"${logs[$name]}" 2>&1 &
  pids[$name]=$!
}

started=$SECONDS
ensure prism
ensure litellm
ensure llama
failed=""
for name in "${!pids[@]}"; do
  if wait "${pids[$name]}"; then
    log "$name: installed"
  else
    log "$name: install FAILED; last lines of ${logs[$name]}:"
    tail -n 25 "${logs[$name]}" | grep -v "is ignored: it is neither a file nor a directory" >&2 || true
    failed="$failed $name"
  fi
done
[ -z "$failed" ] || die "could not install:$failed (see the logs above; fix, then re-run $0)"

# gguf (pure Python, with numpy, which llama-cpp-python already has) writes the tiny model at test time.
gguf_ok() { "$llama_python" -c "from importlib.metadata import version; assert version('gguf') == '$GGUF_VERSION'" 2>/dev/null; }
if ! gguf_ok; then
  log "gguf: installing $GGUF_VERSION into $llama_dir"
  "$llama_dir/bin/pip" install -q "gguf==$GGUF_VERSION" >"$cache/gguf-install.log" 2>&1 && gguf_ok \
    || die "could not install gguf into $llama_dir (see $cache/gguf-install.log)"
fi
log "all servers ready in $((SECONDS - started)) s (cache: $cache)"

exports="export CACHEAI_PRISM_BIN=$(printf '%q' "$prism_bin")
export CACHEAI_OPENAPI_SPEC=$(printf '%q' "$spec")
export CACHEAI_LITELLM_BIN=$(printf '%q' "$litellm_bin")
export CACHEAI_LLAMA_PYTHON=$(printf '%q' "$llama_python")"
if [ -n "$model" ]; then exports="$exports
export CACHEAI_TINY_LLAMA_MODEL=$(printf '%q' "$model")"; fi
if [ -n "$env_file" ]; then printf '%s\n' "$exports" >"$env_file"; else printf '%s\n' "$exports"; fi
