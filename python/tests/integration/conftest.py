"""Session fixtures that start Prism, the LiteLLM proxy and the llama.cpp server for the integration tests.

Each server is started once per session on a free 127.0.0.1 port, polled until it answers, and stopped by
PID at the end. Paths come from the variables printed by ``.ci/servers/install.sh``; without them the
default cache location (``~/.cache/cacheai-ci``) is tried. Everything else is in the repository: the OpenAPI
spec is test data (``data/``), the tiny model is generated once per session by ``scripts/make_tiny_model.py``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from server_process import (
    CACHE_DIR,
    DATA_DIR,
    REPO_ROOT,
    LiteLLMServer,
    RunningServer,
    ServerProcess,
    answers,
    free_port,
    required_path,
    unavailable,
)

LITELLM_FILES = Path(__file__).parent / "litellm_files"
LLAMA_FILES = Path(__file__).parent / "llama_files"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "compat(feature): the README compatibility-table row (feature) this server test proves"
    )


@pytest.fixture(scope="session")
def servers_log_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("server-logs")


@pytest.fixture(scope="session")
def prism(servers_log_dir: Path) -> Iterator[RunningServer]:
    """Prism mocking OpenAI's published OpenAPI spec: validates requests (422 lists what is wrong)."""
    prism_bin = required_path(
        "CACHEAI_PRISM_BIN", CACHE_DIR / "prism" / "node_modules" / ".bin" / "prism", "Prism (npm @stoplight/prism-cli)"
    )
    spec = required_path(
        "CACHEAI_OPENAPI_SPEC", DATA_DIR / "openai-openapi.prism.json", "OpenAI OpenAPI spec for Prism"
    )
    port = free_port()
    process = ServerProcess(
        "Prism",
        [str(prism_bin), "mock", "-h", "127.0.0.1", "-p", str(port), str(spec)],
        port=port,
        log_path=servers_log_dir / "prism.log",
    )
    key = "sk-prism-test"
    # Prism needs 12 s on an idle 2-core machine to compile the 2 MB spec; much longer when the machine is busy.
    process.wait_until_ready(
        lambda: answers(f"{process.root}/models", headers={"Authorization": f"Bearer {key}"}), timeout=180
    )
    yield RunningServer("Prism", process.root, process.root, key, process)  # Prism serves the spec without /v1
    process.stop()


@pytest.fixture(scope="session")
def litellm(servers_log_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiteLLMServer]:
    """LiteLLM proxy with mocked models, a custom-auth hook (genuine 401) and a rate-limited key (genuine 429)."""
    litellm_bin = required_path("CACHEAI_LITELLM_BIN", CACHE_DIR / "litellm" / "bin" / "litellm", "LiteLLM proxy")
    config_dir = tmp_path_factory.mktemp("litellm-config")
    for file in LITELLM_FILES.iterdir():
        if file.suffix in {".yaml", ".py"}:
            shutil.copy(file, config_dir / file.name)
    port = free_port()
    process = ServerProcess(
        "LiteLLM proxy",
        [str(litellm_bin), "--config", str(config_dir / "config.yaml"), "--host", "127.0.0.1", "--port", str(port)],
        port=port,
        log_path=servers_log_dir / "litellm.log",
        cwd=config_dir,
        env={"LITELLM_LOCAL_MODEL_COST_MAP": "True", "LITELLM_LOG": "ERROR", "PYTHONUNBUFFERED": "1"},
    )
    process.wait_until_ready(lambda: answers(f"{process.root}/health/liveliness"), timeout=180)
    yield LiteLLMServer(
        "LiteLLM",
        process.root,
        f"{process.root}/v1",
        "sk-cacheai-master",
        process,
        limited_key="sk-cacheai-limited",
        metered_key="sk-cacheai-metered",
    )
    process.stop()


def tiny_model(python: Path, directory: Path) -> Path:
    """``CACHEAI_TINY_LLAMA_MODEL`` if set, else the tiny model written by ``scripts/make_tiny_model.py``."""
    if os.environ.get("CACHEAI_TINY_LLAMA_MODEL"):
        return required_path("CACHEAI_TINY_LLAMA_MODEL", Path(), "tiny llama model")
    model = directory / "tiny-llama.gguf"
    script = REPO_ROOT / "python" / "scripts" / "make_tiny_model.py"
    made = subprocess.run([str(python), str(script), str(model)], capture_output=True, text=True, timeout=120)
    if made.returncode != 0:
        unavailable(f"{script.name} failed (is gguf installed in {python}?):\n{made.stderr[-2000:]}")
    return model


@pytest.fixture(scope="session")
def llama(servers_log_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """llama-cpp-python's OpenAI-compatible server with the tiny random-weights model."""
    python = required_path("CACHEAI_LLAMA_PYTHON", CACHE_DIR / "llama" / "bin" / "python", "llama-cpp-python venv")
    model = tiny_model(python, tmp_path_factory.mktemp("tiny-model"))
    key = "sk-llama-test"
    port = free_port()
    process = ServerProcess(
        "llama.cpp server (llama-cpp-python)",
        [
            str(python),
            str(LLAMA_FILES / "serve_with_fast_pings.py"),
            "--model",
            str(model),
            "--model_alias",
            "tiny-llama",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--n_ctx",
            "512",
            "--n_threads",
            "1",
            "--embedding",
            "true",
            "--seed",
            "42",
            "--api_key",
            key,
            "--kv_overrides",
            "llama.pooling_type=int:1",  # one pooled vector per embedding input
        ],
        port=port,
        log_path=servers_log_dir / "llama.log",
        env={"CACHEAI_LLAMA_PING_INTERVAL": "0.01"},
    )
    process.wait_until_ready(
        lambda: answers(f"{process.root}/v1/models", headers={"Authorization": f"Bearer {key}"}), timeout=120
    )
    yield RunningServer("llama.cpp", process.root, f"{process.root}/v1", key, process)
    process.stop()
