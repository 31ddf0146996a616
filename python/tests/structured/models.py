"""Pydantic models covering the strict-schema rules: nesting, optionals, enums, lists, recursion, descriptions."""

from __future__ import annotations

import enum

import pydantic
from pydantic import Field


class Step(pydantic.BaseModel):
    explanation: str
    output: str


class MathResponse(pydantic.BaseModel):
    steps: list[Step]
    final_answer: str


class Color(enum.Enum):
    RED = "red"
    BLUE = "blue"


class Optionals(pydantic.BaseModel):
    """A model with optional fields and defaults."""

    name: str | None = None
    count: int = 3
    color: Color = Field(Color.RED, description="the colour")
    tags: list[str] = Field(default_factory=list)


class Node(pydantic.BaseModel):
    value: int
    children: list[Node]
    parent: Node | None = None


class Address(pydantic.BaseModel):
    street: str
    city: str


class Person(pydantic.BaseModel):
    name: str
    home: Address = Field(description="where they live")
    work: Address | None = None
    ratings: dict[str, float] | None = None


class GetWeather(pydantic.BaseModel):
    """Get the weather for a city."""

    city: str
    unit: Color


MODELS = [MathResponse, Optionals, Node, Person, GetWeather, Step]
