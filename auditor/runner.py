"""A whole run: load, check in parallel, reduce the corpus rules, collect.

Memory stays flat whatever the corpus size: documents stream from the
loader in chunks to a bounded number of in-flight worker tasks, each
worker returns findings without text, and the findings are spooled to a
temporary file as they arrive. What stays in memory per document is the
corpus rules' 16-byte index entries (their summaries go to temporary files,
:mod:`auditor.observations`) and its corpus findings, if any; the run keeps
only a document count and finding counts by severity.

Results come back in submission order, so the output is identical for any
``--jobs``. Small runs (a pre-commit hook on one file) never start a pool:
the first chunk is loaded before deciding.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import tempfile
import time
import uuid
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

from auditor.config import Config
from auditor.documents.document import Document
from auditor.documents.loader import Loader
from auditor.engine import check_document, finish_corpus
from auditor.model import DocumentResult, Finding
from auditor.observations import ObservationLog
from auditor.registry import build_rules
from auditor.rules.base import Context, Rule

CHUNK_DOCS = 32
CHUNK_CHARS = 1_000_000
SMALL_RUN_CHUNKS = 2  # at most this many chunks in total: run in-process
#: Container allocations between two young-generation collections of the
#: cyclic GC during a run (CPython's default is 700); see :func:`_fewer_collections`.
GC_YOUNG_THRESHOLD = 10_000


@dataclass
class RunResult:
    """Everything reporters need; documents are read back from the spool."""

    config: Config
    rules: list[Rule]
    document_count: int
    #: Findings of the whole run by severity (the exit status needs nothing more).
    by_severity: Counter[str]
    corpus_findings: dict[int, list[Finding]]
    warnings: list[str]
    timings: Counter[str]
    elapsed: float
    input_chars: int
    _spool: Any = None
    #: The :class:`auditor.scoring.Scorer` (built from ``config`` on first use).
    scorer: Any = None
    _source_rows: Any = field(default=None, repr=False)

    def _get_scorer(self) -> Any:
        if self.scorer is None:
            from auditor.scoring import Scorer

            self.scorer = Scorer.from_config(self.config)
        return self.scorer

    def documents(self) -> Iterator[DocumentResult]:
        """Every document with all its findings (corpus ones merged) and its
        score, in order. Several iterations may interleave: each remembers
        its own position in the spool."""
        if self._spool is None:
            return
        scorer = self._get_scorer()
        position = 0
        while True:
            self._spool.seek(position)
            try:
                chunk = pickle.load(self._spool)
            except EOFError:
                return
            position = self._spool.tell()
            for result in chunk:
                extra = self.corpus_findings.get(result.ordinal)
                if extra:
                    result.findings = sorted(result.findings + extra, key=Finding.sort_key)
                result.score = round(scorer.document(result).score, 1)
                yield result

    def sources(self) -> list[dict[str, Any]]:
        """Per-source scores for the report's ``sources[]``, by source name
        (auditor.scoring; computed once, from one pass over the spool)."""
        if self._source_rows is None:
            from auditor.scoring import category_counts

            scorer = self._get_scorer()
            scored = scorer.sources((d.source, scorer.document(d), category_counts(d.findings))
                                    for d in self.documents())
            self._source_rows = [s.to_json() for s in scored]
        return self._source_rows

    def close(self) -> None:
        if self._spool is not None:
            self._spool.close()
            self._spool = None


# --------------------------------------------------------------------------- workers
_WORKER: dict[str, Any] = {}


@dataclass(frozen=True)
class WorkerSetup:
    """What a worker needs to build its rules; sent with every task, so the
    same code serves a local process pool and a Dask cluster (whose workers
    have no initializer). Rules are built once per worker per run."""

    key: str
    config: Config
    profile: bool = False
    cache: Any = None  # auditor.cache.ResultCache or None


def _ensure_worker(setup: WorkerSetup) -> None:
    if _WORKER.get("key") == setup.key:
        return
    import multiprocessing

    if multiprocessing.parent_process() is not None:
        # Ctrl-C is the parent's to handle (one "interrupted" line); a worker
        # would print its own traceback, whatever the start method.
        with contextlib.suppress(ValueError):  # not the main thread (a Dask worker thread)
            signal.signal(signal.SIGINT, signal.SIG_IGN)
    ctx = Context(setup.config)
    _WORKER.update(key=setup.key, rules=build_rules(setup.config, ctx), profile=setup.profile, cache=setup.cache)


@dataclass(frozen=True, slots=True)
class ChunkResult:
    """One chunk's results as the worker pickled them: the parent writes
    the bytes to its spool and observation logs as they are, instead of
    unpickling every result only to pickle it again (a fifth of the parent's
    CPU, which it takes from the workers on a machine with as many cores as
    workers)."""

    documents: int
    by_severity: Counter[str]
    #: the list of DocumentResult, pickled: one spool entry
    results: bytes
    #: (rule id, document ordinal, pickled observation) per observation
    observations: list[tuple[str, int, bytes]]
    timings: Counter[str]


def check_chunk(setup: WorkerSetup, docs: list[Document]) -> ChunkResult:
    """The per-document half of a run for one chunk (runs in a worker)."""
    _ensure_worker(setup)
    rules: list[Rule] = _WORKER["rules"]
    timings: Counter[str] = Counter()
    results: list[DocumentResult] = []
    observed: list[tuple[str, int, bytes]] = []
    by_severity: Counter[str] = Counter()
    for doc in docs:
        cache = _WORKER.get("cache")
        hit = cache.load(doc) if cache is not None else None
        if hit is not None:
            findings, observations, stats = hit
        else:
            stats = {}
            findings, observations = check_document(doc, rules, stats, timings if _WORKER["profile"] else None)
            if cache is not None:
                cache.store(doc, findings, observations, stats)
        result = DocumentResult(
            ordinal=doc.ordinal, path=doc.path, id=doc.id, source=doc.source,
            date=doc.date.isoformat() if doc.date else None,
            words=doc.word_count, findings=findings, stats=stats,
        )
        results.append(result)
        by_severity.update(f.severity.value for f in findings)
        observed.extend((rule_id, doc.ordinal, pickle.dumps(obs, protocol=pickle.HIGHEST_PROTOCOL))
                        for rule_id, obs in observations.items())
    return ChunkResult(len(results), by_severity, pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL),
                       observed, timings)


# --------------------------------------------------------------------------- the run
@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run with a young-generation threshold of :data:`GC_YOUNG_THRESHOLD`.

    The rules allocate millions of short-lived tuples, lists and dicts, and
    almost none of them is part of a reference cycle: on the 50 MB AllSides
    archive the collector ran 1,756 young collections in one process and
    found 707 garbage objects in all, for 4% of the CPU time. Collecting
    after 10,000 allocations instead of 700 keeps at most a few thousand
    more objects waiting (kilobytes), and forked workers inherit the
    setting. The previous thresholds come back when the run ends, so a
    program that calls :func:`run` keeps its own.
    """
    previous = gc.get_threshold()
    gc.set_threshold(max(previous[0], GC_YOUNG_THRESHOLD), *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)


@_fewer_collections()
def run(
    paths: list[str],
    config: Config,
    *,
    jobs: int | None = None,
    warn: Callable[[str], None] | None = None,
    loader_options: dict[str, Any] | None = None,
    profile: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cache: Any = None,
    executor: Callable[[int], contextlib.AbstractContextManager[Executor]] | None = None,
) -> RunResult:
    """Audit ``paths`` with ``config``; see the module docstring.

    ``executor(jobs)`` may supply the pool (a context manager yielding a
    ``concurrent.futures.Executor``, e.g. a Dask client's executor); by
    default a local process pool is used when the run is large enough.
    """
    started = time.perf_counter()
    warnings: list[str] = []

    def record(message: str) -> None:
        warnings.append(message)
        if warn is not None:
            warn(message)

    loader = Loader(config, record, **(loader_options or {}))
    ctx = Context(config)
    rules = build_rules(config, ctx)  # validates options before any work starts
    chunks = _chunks(loader.documents(paths))
    head = []
    for chunk in chunks:
        head.append(chunk)
        if len(head) > SMALL_RUN_CHUNKS:
            break
    jobs = max(1, jobs or os.cpu_count() or 1)
    spool = tempfile.TemporaryFile(prefix="auditor-spool-")
    document_count = 0
    by_severity: Counter[str] = Counter()
    observations: dict[str, ObservationLog] = {}  # one temporary file per corpus rule
    timings: Counter[str] = Counter()
    chars = 0

    def collect(chunk: ChunkResult) -> None:
        nonlocal document_count
        timings.update(chunk.timings)
        document_count += chunk.documents
        by_severity.update(chunk.by_severity)
        for rule_id, ordinal, data in chunk.observations:
            log = observations.get(rule_id)
            if log is None:
                log = observations[rule_id] = ObservationLog()
            log.append_pickled(data, ordinal)
        spool.write(chunk.results)
        if progress is not None:
            progress(document_count, chars)

    setup = WorkerSetup(uuid.uuid4().hex, config, profile, cache)
    finish_rules = None  # the corpus rules finish in turn, unless the run used a local pool
    try:
        _WORKER.update(key=setup.key, rules=rules, profile=profile, cache=cache)
        if executor is None and (jobs == 1 or len(head) <= SMALL_RUN_CHUNKS):
            for chunk in _chain(head, chunks):
                chars += sum(len(d.raw) for d in chunk)
                collect(check_chunk(setup, chunk))
        else:
            # The first chunk runs here: it warms every lazy index (knowledge,
            # word lists), which forked workers then inherit instead of
            # rebuilding, and share copy-on-write.
            chars += sum(len(d.raw) for d in head[0])
            collect(check_chunk(setup, head[0]))
            from concurrent.futures import ProcessPoolExecutor

            make_pool = executor or (lambda n: ProcessPoolExecutor(max_workers=n))
            if executor is None:
                from auditor.forkfinish import forked_finisher

                finish_rules = forked_finisher(jobs)
                for rule in rules:
                    rule.warm_up()
                # Forked workers share the warmed indexes copy-on-write, but
                # every full collection of the cyclic GC writes to the header
                # of each object it visits and so copies the page: freezing
                # what exists now keeps those pages shared (each worker's PSS
                # grew by tens of MB over a long run without it).
                gc.collect()
                gc.freeze()
            with make_pool(jobs) as pool:
                pending: deque[Future] = deque()
                try:
                    for chunk in _chain(head[1:], chunks):
                        chars += sum(len(d.raw) for d in chunk)
                        pending.append(pool.submit(check_chunk, setup, chunk))
                        while len(pending) > jobs * 2:
                            collect(pending.popleft().result())
                    while pending:
                        collect(pending.popleft().result())
                except BaseException:
                    pool.shutdown(wait=False, cancel_futures=True)
                    raise
        t0 = time.perf_counter()
        spool.flush()  # nothing buffered when the corpus rules finish in forked children
        corpus = finish_corpus(rules, {rule_id: log.by_ordinal() for rule_id, log in observations.items()},
                               finish_rules)
        if profile:
            timings["(corpus finish)"] += time.perf_counter() - t0
    except BaseException:
        spool.close()
        raise
    finally:
        for log in observations.values():
            log.close()
    by_doc: dict[int, list[Finding]] = {}
    for f in corpus:
        by_doc.setdefault(f.doc, []).append(f)
        by_severity[f.severity.value] += 1
    return RunResult(config, rules, document_count, by_severity, by_doc, warnings, timings,
                     time.perf_counter() - started, chars, spool)


def _chunks(documents: Iterator[Document]) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    size = 0
    for ordinal, doc in enumerate(documents):
        doc.ordinal = ordinal
        chunk.append(doc)
        size += len(doc.raw)
        if len(chunk) >= CHUNK_DOCS or size >= CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _chain(head: list[list[Document]], rest: Iterator[list[Document]]) -> Iterator[list[Document]]:
    yield from head
    yield from rest
