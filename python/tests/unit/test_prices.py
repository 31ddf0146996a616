"""The bundled price table, registered and per-client prices, and the cost of a call from its usage (issue 9)."""

from __future__ import annotations

import datetime
import json
import math
import subprocess
import sys
import threading
from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest

import cacheai
from cacheai import _prices
from cacheai._prices import Price, coerce_prices, estimate_cost, lookup_price, price_table_info, register_price

GPT_4O = Price(input=2.5, output=10.0, cached_input=1.25, batch_discount=0.5)


@pytest.fixture(autouse=True)
def clean_registry() -> Iterator[None]:
    saved = dict(_prices._REGISTRY)
    _prices._REGISTRY.clear()
    yield
    _prices._REGISTRY.clear()
    _prices._REGISTRY.update(saved)


def table_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((resources.files("cacheai") / "data" / "prices.json").read_bytes())
    return data


# -- the bundled table ---------------------------------------------------------------------------------------------


def test_table_records_its_source_and_date() -> None:
    data = table_data()
    assert data["source"].startswith("genai-prices ")
    assert datetime.date.fromisoformat(data["retrieved"]) <= datetime.date.today()
    assert data["unit"] == "USD per 1M tokens"
    assert price_table_info() == {"source": data["source"], "retrieved": data["retrieved"]}


def test_every_table_entry_is_well_formed() -> None:
    data = table_data()
    allowed = {"input", "output", "cached_input", "batch_discount", "max_prompt_tokens", "tiers"}
    for model, entry in data["models"].items():
        assert model == model.lower() and model.strip() == model, model
        assert set(entry) <= allowed, model
        for key in ("input", "output"):
            assert isinstance(entry[key], (int, float)) and math.isfinite(entry[key]) and entry[key] >= 0, model
        if "cached_input" in entry:
            assert 0 <= entry["cached_input"] <= entry["input"], model
        if "batch_discount" in entry:
            assert 0 <= entry["batch_discount"] <= 1, model
        for tier, prices in entry.get("tiers", {}).items():
            assert tier not in ("default", "auto"), model
            assert set(prices) <= {"input", "output", "cached_input"}, (model, tier)
            assert all(v >= 0 for v in prices.values()), (model, tier)
    for alias, model in data["aliases"].items():
        assert model in data["models"], alias
        assert alias not in data["models"], alias
    assert all(isinstance(reason, str) and reason for reason in data["excluded"].values())


@pytest.mark.parametrize(
    "model",
    [
        "gpt-5",
        "gpt-5-mini",
        "gpt-4.1",
        "gpt-4.1-mini",
        "gpt-4.1-nano",
        "gpt-4o",
        "gpt-4o-mini",
        "o1",
        "o3",
        "o3-mini",
        "o4-mini",
        "gpt-4-turbo",
        "gpt-4",
        "gpt-3.5-turbo",
        "text-embedding-3-small",
        "text-embedding-3-large",
        "text-embedding-ada-002",
    ],
)
def test_common_openai_models_are_priced(model: str) -> None:
    price = lookup_price(model)
    assert price is not None and price.input > 0


def test_known_prices() -> None:
    assert lookup_price("gpt-4o") == GPT_4O
    assert lookup_price("gpt-4o-mini") == Price(input=0.15, output=0.6, cached_input=0.075, batch_discount=0.5)
    assert lookup_price("text-embedding-3-small") == Price(input=0.02, output=0.0)


# -- name resolution -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "family"),
    [
        ("gpt-4o-mini-2024-07-18", "gpt-4o-mini"),  # an alias in the table
        ("gpt-4o-mini-2031-01-01", "gpt-4o-mini"),  # an unknown snapshot falls back to its family
        ("gpt-4.1-2099-12-31", "gpt-4.1"),
        ("gpt-4-0613", "gpt-4"),
        ("gpt-4-9999", "gpt-4"),
        ("openai/gpt-4o", "gpt-4o"),
        ("openai/gpt-4o-2024-08-06", "gpt-4o"),
        ("azure/openai/gpt-4o", "gpt-4o"),
        ("GPT-4o", "gpt-4o"),
        ("OpenAI/GPT-4o-Mini", "gpt-4o-mini"),
    ],
)
def test_snapshots_prefixes_and_case_resolve_to_the_family(model: str, family: str) -> None:
    assert lookup_price(model) == lookup_price(family)
    assert lookup_price(model) is not None


def test_a_snapshot_with_its_own_price_keeps_it() -> None:
    assert lookup_price("gpt-4o-2024-05-13") == Price(input=5.0, output=15.0, batch_discount=0.5)
    assert lookup_price("gpt-3.5-turbo-0613") != lookup_price("gpt-3.5-turbo")


@pytest.mark.parametrize(
    "model",
    ["no-such-model", "llama3", "meta-llama/Llama-3-8B", "gpt-4o-mini-2024-07", "ft:gpt-4o-mini:org::abc", ""],
)
def test_unknown_models_have_no_price(model: str) -> None:
    assert lookup_price(model) is None
    assert estimate_cost(model, prompt_tokens=10, completion_tokens=10) is None


# -- cost ------------------------------------------------------------------------------------------------------------


def test_cached_tokens_are_part_of_the_prompt_and_priced_apart() -> None:
    # 200 uncached at 2.50 + 800 cached at 1.25 + 100 out at 10.00 (per million) = 0.0005 + 0.001 + 0.001.
    assert estimate_cost("gpt-4o", prompt_tokens=1000, completion_tokens=100, cached_tokens=800) == pytest.approx(
        0.0025
    )
    assert estimate_cost("gpt-4o", prompt_tokens=1000, completion_tokens=100) == pytest.approx(0.0035)
    assert estimate_cost("gpt-4o", prompt_tokens=1000, completion_tokens=100, cached_tokens=0) == pytest.approx(0.0035)


def test_cached_tokens_without_a_cached_price_cost_the_input_price() -> None:
    register_price("plain", input=1.0, output=2.0)
    assert estimate_cost("plain", prompt_tokens=1_000_000, completion_tokens=0, cached_tokens=500_000) == 1.0


def test_batch_discount() -> None:
    full = estimate_cost("gpt-4o", prompt_tokens=1000, completion_tokens=100, cached_tokens=800)
    half = estimate_cost("gpt-4o", prompt_tokens=1000, completion_tokens=100, cached_tokens=800, batch=True)
    assert full is not None and half == pytest.approx(full / 2)


def test_batch_without_a_known_discount_is_unknown() -> None:
    assert lookup_price("gpt-4o-audio-preview") is not None
    assert lookup_price("gpt-4o-audio-preview").batch_discount is None  # type: ignore[union-attr]
    assert estimate_cost("gpt-4o-audio-preview", prompt_tokens=1, completion_tokens=1, batch=True) is None
    register_price("mine", input=1, output=1)
    assert estimate_cost("mine", prompt_tokens=1, completion_tokens=1, batch=True) is None
    register_price("mine", input=1, output=1, batch_discount=0.5)
    assert estimate_cost("mine", prompt_tokens=1_000_000, completion_tokens=1_000_000, batch=True) == 1.0


@pytest.mark.parametrize(
    ("tier", "expected"),
    [
        (None, (1000 * 1.25 + 100 * 10.0) / 1e6),
        ("default", (1000 * 1.25 + 100 * 10.0) / 1e6),
        ("auto", (1000 * 1.25 + 100 * 10.0) / 1e6),
        ("flex", (1000 * 0.625 + 100 * 5.0) / 1e6),
        ("priority", (1000 * 2.5 + 100 * 20.0) / 1e6),
        ("scale", None),  # a tier the table has no price for
    ],
)
def test_service_tiers(tier: str | None, expected: float | None) -> None:
    cost = estimate_cost("gpt-5-2025-08-07", prompt_tokens=1000, completion_tokens=100, service_tier=tier)
    assert cost == (None if expected is None else pytest.approx(expected))


def test_a_model_without_tier_prices_has_no_flex_price() -> None:
    assert lookup_price("gpt-4", service_tier="flex") is None
    assert lookup_price("gpt-4", service_tier="default") is not None


def test_reasoning_tokens_are_not_counted_twice() -> None:
    # Reasoning tokens are inside completion_tokens; there is no separate argument that could add them again.
    cost = estimate_cost("o3", prompt_tokens=100, completion_tokens=1000)
    assert cost == pytest.approx((100 * 2.0 + 1000 * 8.0) / 1e6)


def test_embeddings_cost_only_their_input() -> None:
    assert estimate_cost("text-embedding-3-small", prompt_tokens=1_000_000, completion_tokens=0) == pytest.approx(0.02)


def test_prompts_above_the_long_context_threshold_are_not_priced() -> None:
    price = lookup_price("gpt-5.4")
    assert price is not None and price.max_prompt_tokens == 272_000
    assert estimate_cost("gpt-5.4", prompt_tokens=272_000, completion_tokens=1) is not None
    assert estimate_cost("gpt-5.4", prompt_tokens=272_001, completion_tokens=1) is None


@pytest.mark.parametrize(
    "usage",
    [
        {"prompt_tokens": None, "completion_tokens": 1},
        {"prompt_tokens": 1, "completion_tokens": None},
        {"prompt_tokens": -1, "completion_tokens": 1},
        {"prompt_tokens": 1, "completion_tokens": -1},
        {"prompt_tokens": 10, "completion_tokens": 1, "cached_tokens": 11},
        {"prompt_tokens": 10, "completion_tokens": 1, "cached_tokens": -1},
        {"prompt_tokens": 1.5, "completion_tokens": 1},
        {"prompt_tokens": True, "completion_tokens": 1},
        {"prompt_tokens": "10", "completion_tokens": 1},
    ],
)
def test_unknown_or_impossible_usage_has_no_cost(usage: dict[str, Any]) -> None:
    assert estimate_cost("gpt-4o", **usage) is None


def test_no_model_has_no_cost() -> None:
    assert estimate_cost(None, prompt_tokens=1, completion_tokens=1) is None


# -- registered and per-client prices --------------------------------------------------------------------------------


def test_registered_price_zero_on_purpose() -> None:
    assert estimate_cost("llama-3-local", prompt_tokens=100, completion_tokens=100) is None
    register_price("llama-3-local", input=0, output=0)
    assert estimate_cost("llama-3-local", prompt_tokens=100, completion_tokens=100) == 0.0
    assert cacheai.register_price is register_price


def test_registered_price_wins_over_the_table_and_is_case_insensitive() -> None:
    register_price("GPT-4o", input=1.0, output=1.0)
    assert lookup_price("gpt-4o") == Price(input=1.0, output=1.0)
    assert lookup_price("openai/gpt-4o-2024-08-06") == Price(input=1.0, output=1.0)
    assert lookup_price("gpt-4o", service_tier="priority") == Price(input=1.0, output=1.0)
    register_price("gpt-4o", input=3.0, output=3.0)  # replaces
    assert lookup_price("gpt-4o") == Price(input=3.0, output=3.0)


def test_overrides_win_over_registered_prices() -> None:
    register_price("m", input=1.0, output=1.0)
    overrides = coerce_prices({"m": {"input": 0, "output": 0}})
    assert lookup_price("m", overrides=overrides) == Price(input=0.0, output=0.0)
    assert estimate_cost("m", prompt_tokens=5, completion_tokens=5, overrides=overrides) == 0.0
    assert estimate_cost("m", prompt_tokens=1_000_000, completion_tokens=0) == 1.0


def test_overrides_resolve_snapshots_and_prefixes_too() -> None:
    overrides = coerce_prices({"gpt-4o": Price(input=9.0, output=9.0)})
    assert lookup_price("openai/gpt-4o-2024-08-06", overrides=overrides) == Price(input=9.0, output=9.0)


def test_coerce_prices_accepts_prices_and_mappings() -> None:
    coerced = coerce_prices(
        {
            "A": {"input": 1, "output": 2, "cached_input": 0.5},
            "b": GPT_4O,
            "c": {"input": 1.0, "output": 2.0, "batch_discount": 0.5},
        }
    )
    assert coerced == {
        "a": Price(input=1.0, output=2.0, cached_input=0.5),
        "b": GPT_4O,
        "c": Price(input=1.0, output=2.0, batch_discount=0.5),
    }
    assert isinstance(coerced["a"].input, float)


@pytest.mark.parametrize(
    ("prices", "error", "message"),
    [
        ([("m", GPT_4O)], TypeError, "must be a mapping"),
        ({"m": 1.0}, TypeError, r"prices\['m'\] must be a cacheai.Price"),
        ({"m": {"input": 1.0}}, ValueError, r"missing \['output'\]"),
        ({"m": {"input": 1.0, "output": 1.0, "cache": 0.1}}, ValueError, r"unknown keys \['cache'\]"),
        ({"m": {"input": -1.0, "output": 1.0}}, ValueError, r"prices\['m'\]: Price.input must be a finite number"),
        ({"m": {"input": "1", "output": 1.0}}, TypeError, "Price.input must be a number"),
        ({"m": {"input": True, "output": 1.0}}, TypeError, "Price.input must be a number"),
        ({"m": {"input": 1.0, "output": math.nan}}, ValueError, "Price.output must be a finite number"),
        ({"m": {"input": 1.0, "output": math.inf}}, ValueError, "Price.output must be a finite number"),
        ({"m": {"input": 1.0, "output": 1.0, "cached_input": -0.1}}, ValueError, "Price.cached_input"),
        ({"m": {"input": 1.0, "output": 1.0, "batch_discount": 1.5}}, ValueError, "fraction from 0 to 1"),
        ({1: {"input": 1.0, "output": 1.0}}, TypeError, "model name must be a str"),
        ({" ": {"input": 1.0, "output": 1.0}}, ValueError, "must not be empty"),
        ({"M": GPT_4O, "m": GPT_4O}, ValueError, "twice"),
    ],
)
def test_bad_overrides_say_what_to_fix(prices: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        coerce_prices(prices)


def test_register_price_validates() -> None:
    with pytest.raises(ValueError, match=r"Price\.output"):
        register_price("m", input=1.0, output=-2.0)
    with pytest.raises(TypeError, match="model name must be a str"):
        register_price(None, input=1.0, output=1.0)  # type: ignore[arg-type]
    assert lookup_price("m") is None


def test_register_price_from_many_threads() -> None:
    def register(worker: int) -> None:
        for i in range(200):
            register_price(f"model-{worker}-{i}", input=float(i), output=float(worker))

    threads = [threading.Thread(target=register, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert lookup_price("model-7-199") == Price(input=199.0, output=7.0)
    assert len(_prices._REGISTRY) == 8 * 200


def test_price_is_frozen_and_hashable() -> None:
    with pytest.raises(AttributeError):
        GPT_4O.input = 1.0  # type: ignore[misc]
    assert hash(GPT_4O) == hash(Price(input=2.5, output=10.0, cached_input=1.25, batch_discount=0.5))
    assert cacheai.Price is Price


# -- loading -----------------------------------------------------------------------------------------------------------


def test_importing_cacheai_does_not_read_the_price_table() -> None:
    script = (
        "import sys\n"
        "opened = []\n"
        "sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == 'open' else None)\n"
        "import cacheai\n"
        "cacheai.Price, cacheai.register_price, cacheai.RateLimitSnapshot\n"
        "cacheai.register_price('local', input=0, output=0)\n"
        "assert not [p for p in opened if p.endswith('prices.json')], opened\n"
        "from cacheai._prices import estimate_cost\n"
        "assert estimate_cost('gpt-4o', prompt_tokens=1, completion_tokens=1) is not None\n"
        "assert len([p for p in opened if p.endswith('prices.json')]) == 1, opened\n"
        "estimate_cost('gpt-4o-mini', prompt_tokens=1, completion_tokens=1)\n"
        "assert len([p for p in opened if p.endswith('prices.json')]) == 1, 'read once'\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_the_table_loads_once_under_concurrent_first_lookups(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_prices, "_TABLE", None)
    loads: list[int] = []
    real_parse = _prices._parse_table

    def counting_parse(data: dict[str, Any]) -> _prices._Table:
        loads.append(1)
        return real_parse(data)

    monkeypatch.setattr(_prices, "_parse_table", counting_parse)
    barrier = threading.Barrier(8)
    results: list[Price | None] = []

    def first_lookup() -> None:
        barrier.wait()
        results.append(lookup_price("gpt-4o"))

    threads = [threading.Thread(target=first_lookup) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert loads == [1]
    assert results == [GPT_4O] * 8
