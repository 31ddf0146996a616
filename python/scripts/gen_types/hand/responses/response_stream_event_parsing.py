"""Turning one decoded Responses API stream event into its typed model, without ever dropping an event."""

from collections.abc import Mapping
from typing import Annotated, Any, get_args, get_origin

from ..._models import BaseModel, validate_or_construct
from .response_stream_event import ResponseStreamEvent

__all__ = ["ResponseUnknownEvent", "parse_response_stream_event"]


class ResponseUnknownEvent(BaseModel):
    """A stream event of a `type` cacheai does not know; every other key is kept as an extra."""

    type: str


_EVENT_MODELS: dict[str, type[BaseModel]] = {}


def _event_models() -> dict[str, type[BaseModel]]:
    """The event model for each `type` value, built on first use so importing stays cheap."""
    if not _EVENT_MODELS:
        union: Any = ResponseStreamEvent
        if get_origin(union) is Annotated:  # the discriminated form of the union
            union = get_args(union)[0]
        for model in get_args(union):
            for tag in get_args(model.model_fields["type"].annotation):
                _EVENT_MODELS[tag] = model
    return _EVENT_MODELS


def parse_response_stream_event(data: Mapping[str, object]) -> ResponseStreamEvent | ResponseUnknownEvent:
    """Build the model for one decoded stream event, chosen by its `type`.

    Known events are validated strictly when they fit their schema and constructed leniently otherwise; an
    event with an unknown (or missing) `type` becomes a `ResponseUnknownEvent` instead of being dropped.
    """
    tag = data.get("type")
    model = _event_models().get(tag) if isinstance(tag, str) else None
    if model is None:
        return validate_or_construct(ResponseUnknownEvent, data)
    return validate_or_construct(model, data)  # type: ignore[return-value]
