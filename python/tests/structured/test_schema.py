"""The JSON schema cacheai sends for a pydantic model is byte-for-byte what openai sends."""

from __future__ import annotations

import json

import openai
import pytest
from models import MODELS, GetWeather, Node
from openai.lib._parsing._completions import type_to_response_format_param as openai_response_format
from openai.lib._pydantic import to_strict_json_schema as openai_schema

import cacheai
from cacheai.lib._parsing._completions import type_to_response_format_param
from cacheai.lib._pydantic import to_strict_json_schema


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_strict_schema_is_byte_for_byte_openais(model: type) -> None:
    assert json.dumps(to_strict_json_schema(model)) == json.dumps(openai_schema(model))


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_response_format_is_byte_for_byte_openais(model: type) -> None:
    assert json.dumps(type_to_response_format_param(model)) == json.dumps(openai_response_format(model))


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_pydantic_function_tool_is_byte_for_byte_openais(model: type) -> None:
    ours = cacheai.pydantic_function_tool(model, name=None)
    assert json.dumps(ours) == json.dumps(openai.pydantic_function_tool(model))


def test_strict_rules_are_applied() -> None:
    schema = to_strict_json_schema(Node)
    node = schema["$defs"]["Node"] if "$defs" in schema and "Node" in schema["$defs"] else schema
    assert node["additionalProperties"] is False
    assert node["required"] == ["value", "children", "parent"]
    assert "default" not in node["properties"]["parent"]


def test_a_tool_keeps_its_name_and_description() -> None:
    tool = cacheai.pydantic_function_tool(GetWeather, name="weather", description="d")
    assert tool["function"]["name"] == "weather" and tool["function"]["description"] == "d"
    assert tool["function"]["strict"] is True


def test_a_non_model_type_is_refused() -> None:
    with pytest.raises(TypeError, match="Unsupported response_format type"):
        type_to_response_format_param(int)
