"""``SSEDecoder``: bytes to events, whatever way the bytes are split across reads (spec §5.3)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import pytest

from cacheai._streaming import ServerSentEvent, SSEDecoder

Event = tuple[str | None, str, str | None, int | None]  # (event, data, id, retry)


def decode(chunks: Iterable[bytes]) -> list[Event]:
    decoder = SSEDecoder()
    events: list[ServerSentEvent] = []
    for chunk in chunks:
        events.extend(decoder.feed(chunk))
    last = decoder.flush()
    if last is not None:
        events.append(last)
    return [(e.event, e.data, e.id, e.retry) for e in events]


def splits(data: bytes, max_cuts: int) -> Iterable[list[bytes]]:
    """``data`` cut at every combination of up to ``max_cuts`` positions."""
    positions = range(1, len(data))
    for cuts in range(max_cuts + 1):
        for points in itertools.combinations(positions, cuts):
            bounds = [0, *points, len(data)]
            yield [data[a:b] for a, b in itertools.pairwise(bounds)]


def assert_split_invariant(data: bytes, expected: list[Event]) -> None:
    """The same events come out of one read, byte-by-byte reads, and every 2- and 3-piece split."""
    assert decode([data]) == expected
    assert decode([data[i:i + 1] for i in range(len(data))]) == expected
    max_cuts = 2 if len(data) <= 60 else 1
    for pieces in splits(data, max_cuts):
        assert decode(pieces) == expected, pieces


def d(data: str) -> Event:
    return (None, data, None, None)


CASES: list[tuple[str, bytes, list[Event]]] = [
    ("simple", b"data: hello\n\n", [d("hello")]),
    ("no-space", b"data:hello\n\n", [d("hello")]),
    ("only-one-space-stripped", b"data:  two\n\n", [d(" two")]),
    ("empty-data", b"data:\n\n", [d("")]),
    ("field-without-colon", b"data\ndata\n\n", [d("\n")]),
    ("multi-line", b"data: a\ndata: b\ndata: c\n\n", [d("a\nb\nc")]),
    ("multi-line-json", b'data: {"a":\ndata: 1}\n\n', [d('{"a":\n1}')]),
    ("comment", b": ping\n\ndata: x\n\n", [d("x")]),
    ("comment-inside-event", b"data: a\n: keep-alive\ndata: b\n\n", [d("a\nb")]),
    ("comment-only-stream", b": ping\n\n: OPENROUTER PROCESSING\n\n", []),
    ("crlf", b"data: a\r\n\r\ndata: b\r\n\r\n", [d("a"), d("b")]),
    ("cr", b"data: a\r\rdata: b\r\r", [d("a"), d("b")]),
    ("mixed-endings", b"data: a\r\ndata: b\rdata: c\n\r\n", [d("a\nb\nc")]),
    ("several-per-read", b"data: 1\n\ndata: 2\n\ndata: 3\n\n", [d("1"), d("2"), d("3")]),
    ("extra-blank-lines", b"\n\ndata: 1\n\n\n\n\ndata: 2\n\n", [d("1"), d("2")]),
    ("event-field", b"event: delta\ndata: x\n\n", [("delta", "x", None, None)]),
    ("event-reset-after-dispatch", b"event: a\ndata: 1\n\ndata: 2\n\n", [("a", "1", None, None), d("2")]),
    ("empty-event-name", b"event:\ndata: x\n\n", [d("x")]),
    ("id-kept-between-events", b"id: 7\ndata: a\n\ndata: b\n\n", [(None, "a", "7", None), (None, "b", "7", None)]),
    ("id-with-nul-ignored", b"id: 1\x002\ndata: a\n\n", [d("a")]),
    ("retry", b"retry: 1500\ndata: a\n\ndata: b\n\n", [(None, "a", None, 1500), d("b")]),
    ("unknown-field-ignored", b"foo: bar\n\n", []),
    ("unknown-field-in-event", b"foo: bar\ndata: x\n\n", [d("x")]),
    ("utf8", "data: café ✓ 日本\n\n".encode(), [d("café ✓ 日本")]),
    ("colon-in-value", b"data: a: b\n\n", [d("a: b")]),
    ("done", b"data: [DONE]\n\n", [d("[DONE]")]),
    ("no-final-blank-line", b"data: a\n\ndata: b", [d("a"), d("b")]),
    ("no-final-blank-line-with-newline", b"data: a\n\ndata: b\n", [d("a"), d("b")]),
    ("done-without-blank-line", b"data: [DONE]", [d("[DONE]")]),
    ("done-with-one-newline", b"data: [DONE]\n", [d("[DONE]")]),
    ("done-crlf-without-blank-line", b"data: [DONE]\r\n", [d("[DONE]")]),
    ("trailing-cr-at-eof", b"data: a\r", [d("a")]),
    ("empty", b"", []),
]


@pytest.mark.parametrize(("data", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_decoder_cases_in_every_split(data, expected):
    assert_split_invariant(data, expected)


def test_realistic_chat_stream_in_every_split():
    data = (
        b": OPENROUTER PROCESSING\r\n\r\n"
        b'data: {"choices":[{"delta":{"role":"assistant","content":""}}]}\r\n\r\n'
        b'data: {"choices":[{"delta":{"content":"h\xc3\xa9"}}]}\r\n\r\n'
        b"data: [DONE]\r\n\r\n"
    )
    expected = [
        d('{"choices":[{"delta":{"role":"assistant","content":""}}]}'),
        d('{"choices":[{"delta":{"content":"hé"}}]}'),
        d("[DONE]"),
    ]
    assert decode([data]) == expected
    assert decode([data[i:i + 1] for i in range(len(data))]) == expected
    for pieces in splits(data, 1):
        assert decode(pieces) == expected


def test_crlf_split_exactly_between_cr_and_lf():
    # "\r" ends one read, "\n" starts the next: one line end, not two
    assert decode([b"data: a\r", b"\ndata: b\r", b"\n\r", b"\n"]) == [d("a\nb")]
    assert decode([b"data: a\r\n\r", b"\ndata: b\r\n\r\n"]) == [d("a"), d("b")]


def test_multibyte_character_split_across_reads():
    data = "data: é✓\n\n".encode()
    for i in range(1, len(data)):
        assert decode([data[:i], data[i:]]) == [d("é✓")]


def test_meta_only_events_carry_no_data():
    events = decode([b"id: 5\n\nretry: 100\n\ndata: x\n\n"])
    assert [e[1] for e in events if e[1]] == ["x"]
    assert all(data == "" for _, data, _, _ in events[:-1])
    assert events[-1] == (None, "x", "5", None)


def test_feed_returns_completed_events_as_they_arrive():
    decoder = SSEDecoder()
    assert decoder.feed(b"data: a") == []
    assert decoder.feed(b"\n") == []
    events = decoder.feed(b"\ndata: b\n\ndata: c")
    assert [e.data for e in events] == ["a", "b"]
    last = decoder.flush()
    assert last is not None and last.data == "c"
    assert decoder.flush() is None


def test_flush_without_pending_data_returns_none():
    decoder = SSEDecoder()
    assert decoder.feed(b"data: a\n\n")[0].data == "a"
    assert decoder.flush() is None


def test_server_sent_event_helpers():
    event = decode_one(b'event: x\nid: 3\nretry: 10\ndata: {"a": [1, 2]}\n\n')
    assert event.event == "x"
    assert event.id == "3"
    assert event.retry == 10
    assert event.json() == {"a": [1, 2]}
    assert event.data == '{"a": [1, 2]}'
    assert "ServerSentEvent" in repr(event)


def test_invalid_utf8_does_not_raise_in_the_decoder():
    event = decode_one(b"data: \xff\xfe\n\n")
    assert isinstance(event.data, str)


def test_raw_control_characters_survive_json():
    event = decode_one(b'data: {"content": "a\tb"}\n\n')
    assert event.json() == {"content": "a\tb"}


def decode_one(data: bytes) -> ServerSentEvent:
    decoder = SSEDecoder()
    events = decoder.feed(data)
    assert len(events) == 1
    return events[0]


def test_cr_terminated_event_is_dispatched_without_waiting_for_more_bytes():
    # With CR line ends, "\r\r" completes the event: a following "\n" could only end the same blank line.
    decoder = SSEDecoder()
    assert [e.data for e in decoder.feed(b"data: a\r\r")] == ["a"]
    assert decoder.feed(b"\n") == []
    assert decoder.flush() is None


def test_lf_terminated_event_is_dispatched_at_once():
    decoder = SSEDecoder()
    assert [e.data for e in decoder.feed(b"data: a\n\n")] == ["a"]
    assert [e.data for e in decoder.feed(b"event: x\ndata: b\n\n")] == ["b"]


@pytest.mark.parametrize(("data", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_empty_reads_change_nothing(data, expected):
    # feed(b"") anywhere (a transport may hand one over) is a no-op
    for i in range(len(data) + 1):
        assert decode([data[:i], b"", data[i:]]) == expected, i
    assert decode([b"", *[data[i:i + 1] for i in range(len(data))], b""]) == expected
