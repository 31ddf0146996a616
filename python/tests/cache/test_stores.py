"""The persistent and shared stores: SQLite across processes and after damage, Redis across processes and outages."""

from __future__ import annotations

import json
import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import cacheai
from cacheai import CacheAI
from cacheai.cache import RedisCache, SQLiteCache
from cacheai.testing import FakeOpenAIServer

MESSAGES = [{"role": "user", "content": "persist me"}]

CHILD = """
import sys, json, cacheai
client = cacheai.CacheAI(base_url=sys.argv[1], cache=sys.argv[2])
out = []
for i in range(3):
    r = client.chat.completions.create(model="m", messages=[{"role": "user", "content": f"q{i}"}])
    out.append(cacheai.info(r).cached)
print(json.dumps(out))
"""


def run_child(base_url: str, spec: str) -> list[bool]:
    done = subprocess.run([sys.executable, "-c", CHILD, base_url, spec], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def chat(client: CacheAI) -> object:
    return client.chat.completions.create(model="m", messages=MESSAGES)  # type: ignore[arg-type]


def test_two_processes_share_one_sqlite_file(server: FakeOpenAIServer, tmp_path: Path) -> None:
    spec = f"sqlite://{tmp_path / 'c.db'}"
    assert run_child(server.base_url, spec) == [False, False, False]
    assert run_child(server.base_url, spec) == [True, True, True]
    assert len(server.requests) == 3
    assert stat.S_IMODE(os.stat(tmp_path / "c.db").st_mode) == 0o600


def test_sqlite_hits_count_and_survive_reopen(server: FakeOpenAIServer, tmp_path: Path) -> None:
    path = tmp_path / "sub" / "c.db"
    key = cacheai.info(chat(CacheAI(base_url=server.base_url, cache=SQLiteCache(path)))).cache_key
    client = CacheAI(base_url=server.base_url, cache=SQLiteCache(path))
    assert cacheai.info(chat(client)).cached
    assert client.cache is not None and key is not None
    entry = client.cache.get(key)
    assert entry is not None and entry["hits"] == 2
    assert client.cache.stats()["entries"] == 1 and client.cache.stats()["bytes"] > 0


@pytest.mark.parametrize("damage", ["truncate", "garbage"])
def test_a_damaged_sqlite_file_is_replaced_not_fatal(
    server: FakeOpenAIServer, tmp_path: Path, damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "c.db"
    first_store = SQLiteCache(path)
    chat(CacheAI(base_url=server.base_url, cache=first_store))
    first_store.close()  # as when its process ends
    with open(path, "r+b") as f:
        if damage == "truncate":
            f.truncate(100)
        else:
            f.write(os.urandom(4096))
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    client = CacheAI(base_url=server.base_url, cache=SQLiteCache(path))
    with caplog.at_level(logging.WARNING, logger="cacheai"):
        first = chat(client)
        second = chat(client)
    assert not cacheai.info(first).cached and cacheai.info(second).cached
    assert len(server.requests) == 2
    assert any("not a usable SQLite database" in r.message for r in caplog.records)


def test_a_corrupt_entry_is_discarded(server: FakeOpenAIServer, tmp_path: Path) -> None:
    store = SQLiteCache(tmp_path / "c.db")
    client = CacheAI(base_url=server.base_url, cache=store)
    key = cacheai.info(chat(client)).cache_key
    store._run("UPDATE entries SET value = ? WHERE key = ?", (b"{not json", key))
    assert not cacheai.info(chat(client)).cached
    assert client.cache is not None and client.cache.stats()["errors"] == 1
    assert cacheai.info(chat(client)).cached


def test_entries_are_json(server: FakeOpenAIServer, tmp_path: Path) -> None:
    store = SQLiteCache(tmp_path / "c.db")
    chat(CacheAI(base_url=server.base_url, api_key="sk-secret", cache=store))
    (value,) = store._run("SELECT value FROM entries")[0]
    entry = json.loads(value)
    assert entry["status"] == 200 and "sk-secret" not in value.decode()


def test_two_processes_share_through_redis(server: FakeOpenAIServer, redis_server: object) -> None:
    url = redis_server.url  # type: ignore[attr-defined]
    assert run_child(server.base_url, url) == [False, False, False]
    assert run_child(server.base_url, url) == [True, True, True]
    assert len(server.requests) == 3
    client = CacheAI(base_url=server.base_url, cache=RedisCache(url))
    assert client.cache is not None and client.cache.stats()["entries"] == 3
    assert client.cache.clear() == 3


def test_redis_killed_mid_run_and_restarted(
    server: FakeOpenAIServer, own_redis_server: object, caplog: pytest.LogCaptureFixture
) -> None:
    redis_server = own_redis_server
    client = CacheAI(base_url=server.base_url, cache=redis_server.url)  # type: ignore[attr-defined]
    chat(client)
    assert cacheai.info(chat(client)).cached
    redis_server.stop()  # type: ignore[attr-defined]
    with caplog.at_level(logging.WARNING, logger="cacheai"):
        answers = [chat(client) for _ in range(3)]
    assert [cacheai.info(a).cached for a in answers] == [False, False, False]
    assert len(server.requests) == 4
    assert len([r for r in caplog.records if "store failed" in r.message]) == 1
    assert client.cache is not None and client.cache.stats()["errors"] >= 6
    redis_server.start()  # type: ignore[attr-defined]  # an empty Redis: no persistence
    chat(client)
    assert cacheai.info(chat(client)).cached
    assert len(server.requests) == 5


def test_redis_from_a_client_object(server: FakeOpenAIServer, redis_server: object) -> None:
    import redis

    store = RedisCache(redis.Redis.from_url(redis_server.url), prefix="t:")  # type: ignore[attr-defined]
    client = CacheAI(base_url=server.base_url, cache=store)
    chat(client)
    assert cacheai.info(chat(client)).cached
    stream = client.chat.completions.create(model="m", messages=MESSAGES, stream=True)  # type: ignore[arg-type]
    original = [c.model_dump() for c in stream]
    replay = client.chat.completions.create(model="m", messages=MESSAGES, stream=True)  # type: ignore[arg-type]
    assert [c.model_dump() for c in replay] == original and cacheai.info(replay).cached


def test_cli_cache_stats_clear_path(
    server: FakeOpenAIServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cacheai.cli import main

    path = tmp_path / "c.db"
    chat(CacheAI(base_url=server.base_url, cache=SQLiteCache(path)))
    spec = f"sqlite://{path}"
    assert main(["cache", "path", "--cache", spec]) == 0
    assert capsys.readouterr().out.strip() == str(path)
    assert main(["cache", "stats", "--cache", spec]) == 0
    assert json.loads(capsys.readouterr().out)["entries"] == 1
    assert main(["cache", "clear", "--cache", spec]) == 0
    assert "removed 1 entries" in capsys.readouterr().out


def test_eight_threads_on_one_sqlite_key(server: FakeOpenAIServer, tmp_path: Path) -> None:
    import threading

    client = CacheAI(base_url=server.base_url, cache=SQLiteCache(tmp_path / "c.db"))
    chat(client)
    results: list[bool] = []
    barrier = threading.Barrier(8)

    def work() -> None:
        barrier.wait()
        results.extend(cacheai.info(chat(client)).cached for _ in range(10))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [True] * 80 and len(server.requests) == 1
    assert client.cache is not None and client.cache.stats()["errors"] == 0


class DictStore:
    """A store written against the documented protocol only (no cacheai base class)."""

    def __init__(self) -> None:
        self.data: dict[str, str] = {}

    def get(self, key: str) -> dict[str, object] | None:
        return json.loads(self.data[key]) if key in self.data else None

    def set(self, key: str, entry: dict[str, object], ttl: float | None = None) -> None:
        self.data[key] = json.dumps(entry)

    def delete(self, key: str) -> bool:
        return self.data.pop(key, None) is not None

    def clear(self) -> int:
        count = len(self.data)
        self.data.clear()
        return count

    def stats(self) -> dict[str, object]:
        return {"entries": len(self.data), "bytes": sum(map(len, self.data.values()))}


def test_a_store_of_your_own(server: FakeOpenAIServer) -> None:
    store = DictStore()
    client = CacheAI(base_url=server.base_url, cache=store)
    chat(client)
    assert cacheai.info(chat(client)).cached and len(store.data) == 1
    assert client.cache is not None and client.cache.stats()["entries"] == 1
