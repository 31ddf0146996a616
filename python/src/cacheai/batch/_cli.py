"""``cacheai batch prompts.jsonl -o results.jsonl``: the command's logic (``cli.py`` only registers it).

Every input line is checked before anything is sent. Then the prompts go through ``batch_generate_iter`` (the
input is read lazily, results are written in input order as soon as they can be) or, with ``--batch-api``,
through the Batch API workflow. With ``--cache`` a rerun answers what was done from the cache: an interrupted run
resumes. Exit status: 0, 1 when some prompts failed (their lines carry the error) or on a bad input, 130 on Ctrl-C.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

from ._lines import InputLine, LineError, output_record, parse_lines, validate_lines
from ._progress import ProgressReporter

if TYPE_CHECKING:
    from .._client import CacheAI

__all__ = ["add_batch_command", "run_batch_command"]

DEFAULT_MODEL = "gpt-4o-mini"


def add_batch_command(commands: argparse._SubParsersAction, connection: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    batch = commands.add_parser(
        "batch",
        parents=[connection],
        help="answer many prompts from a JSONL file",
        description="Answer every prompt of a JSONL file (a JSON string, or an object with 'prompt' or 'messages', "
        "other request fields and an optional 'id', per line), writing one JSON result per line in input order "
        "(id, line, content, model, usage, cost, cached, error), with a progress bar on a terminal and a summary "
        "on stderr. With --cache, rerunning after an interruption pays only for what was not done.",
    )
    batch.add_argument("input", help="the prompts, one JSON value per line ('-' reads standard input)")
    batch.add_argument("-o", "--output", default="-", help="where to write the results (default: standard output)")
    batch.add_argument(
        "-m", "--model", help=f"model for lines that name none (default $CACHEAI_MODEL or {DEFAULT_MODEL})"
    )
    batch.add_argument("--concurrency", type=_positive_int, help="prompts in flight at once (default 10)")
    batch.add_argument("--rpm", type=_positive_float, help="client-side limit: requests per minute")
    batch.add_argument("--tpm", type=_positive_float, help="client-side limit: tokens per minute")
    batch.add_argument("--cache", help="response cache URL (sqlite:///path.db, redis://...): makes reruns resume")
    batch.add_argument(
        "--batch-api", action="store_true", help="send the prompts through the Batch API (half price, up to 24 h)"
    )
    batch.add_argument(
        "--poll-interval",
        type=_non_negative_float,
        default=None,
        help="with --batch-api: seconds between status checks (60)",
    )
    batch.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show progress on stderr (default: when stderr is a terminal)",
    )
    batch.set_defaults(run=run_batch_command)


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a positive integer, got {text}")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be a positive number, got {text}")
    return value


def _non_negative_float(text: str) -> float:
    value = float(text)
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"must be a number of seconds, 0 or more, got {text}")
    return value


class Summary:
    """The counts printed at the end, kept by a ``ProgressReporter`` that shows nothing."""

    def __init__(self, total: int, *, show: bool) -> None:
        self.total = total
        self.show = show  # whether the prompts' own progress is shown
        self._counts = ProgressReporter(total, None, False)

    @property
    def failed(self) -> int:
        return self._counts.failed

    def add(self, result: Any) -> None:
        self._counts.record(result)

    def line(self, output: str) -> str:
        counts, event = self._counts, self._counts.event()
        cost = f"cost ${event.cost:.6f}" + (f" ({counts.unpriced} unpriced)" if counts.unpriced else "")
        where = "" if output == "-" else f" -> {output}"
        return (
            f"cacheai batch: {event.done}/{self.total} done, {event.failed} failed, {event.cached} cached, "
            f"{event.tokens} tokens, {cost}, wall time {event.elapsed:.1f} s{where}"
        )


def run_batch_command(args: argparse.Namespace) -> int:
    from ..cli import CommandError

    if args.batch_api:
        for option, value, why in (
            ("--concurrency", args.concurrency, "the server schedules a batch"),
            ("--rpm", args.rpm, "a batch is limited by the server's batch queue, not per minute"),
            ("--tpm", args.tpm, "a batch is limited by the server's batch queue, not per minute"),
            ("--cache", args.cache, "a job's results come from retrieve_batch_results, not from the cache"),
        ):
            if value is not None:
                raise CommandError(f"{option} does not apply with --batch-api ({why})")
    if not args.batch_api and args.poll_interval is not None:
        raise CommandError("--poll-interval applies only with --batch-api")
    try:
        source = _Input(args.input)
        with source.raw() as lines:
            total = validate_lines(lines, source.source)
    except LineError as error:
        raise CommandError(str(error)) from None
    except OSError as error:
        raise CommandError(f"cannot read {args.input}: {error.strerror or error}") from None
    if total == 0 and args.batch_api:
        raise CommandError(f"{source.source} has no prompts: nothing to submit to the Batch API")
    summary = Summary(total, show=args.progress if args.progress is not None else sys.stderr.isatty())
    with _client(args) as client, _open_output(args.output) as out:
        try:
            if args.batch_api:
                _through_batch_api(client, source, out, summary)
            else:
                _through_threads(client, args, source, out, summary)
        except KeyboardInterrupt:
            out.flush()
            if args.batch_api:
                hint = "the job goes on: retrieve_batch_results with the job id printed above gets its results"
            elif args.cache:
                hint = "rerun with the same --cache to resume"
            else:
                hint = "pass --cache to make a rerun resume"
            print(f"{summary.line(args.output)}; interrupted ({hint})", file=sys.stderr, flush=True)
            return 130
    print(summary.line(args.output), file=sys.stderr, flush=True)
    return 1 if summary.failed else 0


def _client(args: argparse.Namespace) -> CacheAI:
    import os

    from ..cli import make_client

    options: dict[str, Any] = {"default_model": args.model or os.environ.get("CACHEAI_MODEL") or DEFAULT_MODEL}
    if args.cache:
        options["cache"] = args.cache
    if args.rpm or args.tpm:
        from ..limits import RateLimitConfig

        options["rate_limit"] = RateLimitConfig(requests_per_minute=args.rpm, tokens_per_minute=args.tpm)
    if args.poll_interval is not None:
        from ._config import BatchConfig

        options["batch"] = BatchConfig(polling_interval=args.poll_interval)
    return make_client(args, **options)


class _Input:
    """The input file (read twice: checked whole first, then sent lazily) or standard input (read once)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.source = "<stdin>" if path == "-" else path
        self._stdin = sys.stdin.readlines() if path == "-" else None

    def raw(self) -> contextlib.AbstractContextManager[Iterable[str]]:
        if self._stdin is not None:
            return contextlib.nullcontext(self._stdin)
        return open(self.path, encoding="utf-8")

    def prompts(self) -> Iterator[InputLine]:
        with self.raw() as lines:
            yield from parse_lines(lines, self.source)


@contextlib.contextmanager
def _open_output(path: str) -> Iterator[IO[str]]:
    if path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    from ..cli import CommandError

    try:
        handle = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed by the with below; only open's error is ours
    except OSError as error:
        raise CommandError(f"cannot write {path}: {error.strerror or error}") from None
    with handle:
        yield handle


def _write(out: IO[str], line: InputLine, result: Any) -> None:
    out.write(json.dumps(output_record(line, result), ensure_ascii=False) + "\n")


def _through_threads(client: CacheAI, args: argparse.Namespace, source: _Input, out: IO[str], summary: Summary) -> None:
    """Results written in input order as they arrive (a later one waits in memory for the earlier ones)."""
    lines: dict[int, InputLine] = {}  # the lines sent and not yet written, by index

    class Prompts:  # lazy, with a length: the progress knows the total
        def __len__(self) -> int:
            return summary.total

        def __iter__(self) -> Iterator[str | dict[str, Any]]:
            for index, line in enumerate(source.prompts()):
                lines[index] = line
                yield line.prompt

    waiting: dict[int, Any] = {}
    written = 0
    answers = client.batch_generate_iter(Prompts(), max_concurrent=args.concurrency, progress=summary.show)
    for index, result in answers:
        summary.add(result)
        waiting[index] = result
        while written in waiting:
            _write(out, lines.pop(written), waiting.pop(written))
            written += 1


def _through_batch_api(client: CacheAI, source: _Input, out: IO[str], summary: Summary) -> None:
    from ._mixin import as_request

    lines = list(source.prompts())
    requests = [as_request(line.prompt, None, None, None, {"custom_id": line.custom_id}) for line in lines]
    job = client.submit_batch_job(requests)
    print(
        f"cacheai batch: submitted Batch API job {job.job_id} ({job.request_count} requests); "
        "if this stops, client.retrieve_batch_results(job id) gets the results later",
        file=sys.stderr,
        flush=True,
    )
    from ._errors import BatchError

    try:
        client.wait_for_batch(job.job_id, progress=summary.show)
    except BatchError as error:
        if error.code != "expired":
            raise
        print(f"cacheai batch: {error}", file=sys.stderr, flush=True)  # expired: write the partial results
    for line, result in zip(lines, client.retrieve_batch_results(job.job_id), strict=True):
        summary.add(result)
        _write(out, line, result)

