"""The lenient base model behind every response type.

Parsing is tolerant and typing is strict: a response is first validated by pydantic-core in strict mode
(fast, and exact when the server follows OpenAI's schema); if that fails, it is *constructed* without
validation, recursively, the way ``openai`` builds its objects: unknown fields are kept as extras, unknown
enum strings and mistyped values are kept as sent, missing required fields become ``None``.
"""

from __future__ import annotations

import json
import types
from collections.abc import Mapping
from typing import Annotated, Any, ClassVar, Literal, TypeVar, Union, cast, get_args, get_origin

import pydantic
from pydantic import ConfigDict
from typing_extensions import Self

__all__ = ["BaseModel", "construct_type", "parse_json"]

_T = TypeVar("_T")
_ModelT = TypeVar("_ModelT", bound="BaseModel")


class BaseModel(pydantic.BaseModel):
    """Base class of every cacheai response type (mirrors ``openai.BaseModel``).

    ``model_dump()`` includes every declared field (unset ones as ``None``) plus extras; ``to_dict()`` and
    ``to_json()`` give only what the server actually sent.
    """

    model_config = ConfigDict(extra="allow", defer_build=True, protected_namespaces=())

    # The ``x-request-id`` of the response a top-level object came from. A ClassVar default, set per instance
    # with object.__setattr__ on top-level objects only: a pydantic private attribute would cost an __init__
    # hook on every nested model of every stream chunk.
    _request_id: ClassVar[str | None] = None

    def __str__(self) -> str:
        # As openai: str() is the repr, class name included (pydantic's str() leaves the name out).
        return self.__repr__()

    def to_dict(
        self,
        *,
        mode: Literal["json", "python"] = "python",
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        warnings: bool = True,
    ) -> dict[str, object]:
        """The object as a dict holding only the fields the server sent (plus extras)."""
        return self.model_dump(
            mode=mode,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            warnings=warnings,
        )

    def to_json(
        self,
        *,
        indent: int | None = 2,
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        warnings: bool = True,
    ) -> str:
        """The object as a JSON string holding only the fields the server sent (plus extras)."""
        return self.model_dump_json(
            indent=indent,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            warnings=warnings,
        )

    @classmethod
    def construct(cls, _fields_set: set[str] | None = None, **values: Any) -> Self:
        """Build without validation, converting nested dicts into the declared model types (as openai)."""
        return _construct_model(cls, values, _fields_set)


# pydantic's own model_construct does not convert nested dicts; openai's does. (Assigned here because
# pydantic's mypy plugin synthesizes a per-model model_construct signature that an override would clash with.)
BaseModel.model_construct = classmethod(BaseModel.construct.__func__)  # type: ignore[assignment,attr-defined]


def parse_json(cast_to: type[_ModelT], data: bytes | str) -> _ModelT:
    """Parse a JSON document into ``cast_to``: strict and fast when it fits, lenient when it does not."""
    try:
        return cast_to.model_validate_json(data, strict=True)
    except (pydantic.ValidationError, ValueError):
        pass
    # jiter rejects some documents json accepts (lone surrogates, raw control characters from tiny models).
    loaded = json.loads(data, strict=False)
    return cast(_ModelT, construct_type(cast_to, loaded))


def validate_or_construct(cast_to: type[_ModelT], data: object) -> _ModelT:
    """Turn already-decoded JSON into ``cast_to``, strictly if it fits and leniently otherwise."""
    try:
        return cast_to.model_validate(data, strict=True)
    except (pydantic.ValidationError, ValueError):
        return cast(_ModelT, construct_type(cast_to, data))


def construct_type(type_: Any, value: object) -> object:
    """Convert decoded JSON ``value`` towards ``type_`` without ever raising; unfit values stay as they are."""
    origin = get_origin(type_)
    if origin is Annotated:  # e.g. a union discriminated by its `type` field
        return construct_type(get_args(type_)[0], value)
    if origin is Union or origin is types.UnionType:
        return _construct_union(get_args(type_), value)
    if origin is Literal or type_ is Any or type_ is object:
        return value
    if isinstance(type_, type) and issubclass(type_, BaseModel):
        if isinstance(value, Mapping):
            return _construct_model(type_, value, None)
        return value
    if origin in (list, tuple) or type_ in (list, tuple):
        args = get_args(type_)
        if isinstance(value, list) and args:
            return [construct_type(args[0], item) for item in value]
        return value
    if origin is dict or origin is Mapping:
        args = get_args(type_)
        if isinstance(value, dict) and len(args) == 2:
            return {k: construct_type(args[1], v) for k, v in value.items()}
        return value
    if type_ is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _construct_union(variants: tuple[Any, ...], value: object) -> object:
    if value is None:
        return None
    models = [v for v in variants if isinstance(v, type) and issubclass(v, BaseModel)]
    if isinstance(value, Mapping) and models:
        # A variant that validates exactly wins; then one whose `type` literal matches; then the first.
        for model in models:
            try:
                return model.model_validate(value, strict=True)
            except (pydantic.ValidationError, ValueError):
                continue
        tag = value.get("type")
        for model in models:
            field = model.model_fields.get("type")
            if field is not None and tag in _literal_values(field.annotation):
                return _construct_model(model, value, None)
        return _construct_model(models[0], value, None)
    for variant in variants:
        if variant is type(None):
            continue
        converted = construct_type(variant, value)
        if converted is not value:
            return converted
    return value


def _literal_values(annotation: Any) -> tuple[object, ...]:
    if get_origin(annotation) is Literal:
        return get_args(annotation)
    if get_origin(annotation) in (Union, types.UnionType):
        return tuple(v for arg in get_args(annotation) for v in _literal_values(arg))
    return ()


def _construct_model(cls: type[_ModelT], values: Mapping[str, object], fields_set: set[str] | None) -> _ModelT:
    obj = cls.__new__(cls)
    data: dict[str, object] = {}
    seen: set[str] = set()
    names = _api_names(cls)
    for name, field in cls.model_fields.items():
        key = names[name]
        if key in values:
            seen.add(name)
            data[name] = construct_type(field.annotation, values[key])
        else:
            data[name] = None if field.is_required() else field.get_default(call_default_factory=True)
    known = names.values()
    extra = {k: v for k, v in values.items() if k not in known} if len(values) > len(seen) else {}
    object.__setattr__(obj, "__dict__", data)
    object.__setattr__(obj, "__pydantic_fields_set__", seen if fields_set is None else fields_set)
    object.__setattr__(obj, "__pydantic_extra__", extra)
    object.__setattr__(obj, "__pydantic_private__", None)
    if cls.__private_attributes__:
        object.__setattr__(
            obj,
            "__pydantic_private__",
            {k: v.get_default() for k, v in cls.__private_attributes__.items()},
        )
    return obj


_API_NAMES: dict[type[Any], dict[str, str]] = {}


def _api_names(cls: type[pydantic.BaseModel]) -> dict[str, str]:
    """Field name -> the key the API uses for it (its alias, if any)."""
    names = _API_NAMES.get(cls)
    if names is None:
        names = {name: f.alias or name for name, f in cls.model_fields.items()}
        _API_NAMES[cls] = names
    return names
