"""Run the per-document half of an audit on a Dask cluster.

The local engine and this one share everything but the executor: the client
streams documents in chunks (bounded in flight, so memory stays flat) to
``distributed.Client.get_executor()``, workers run
:func:`auditor.runner.check_chunk`, and the corpus rules and scores are
reduced in the client, in submission order. The output is therefore
identical to a local run.

Without a scheduler address a ``LocalCluster`` is started with ``jobs``
single-threaded worker processes (the rules are pure Python: threads would
only contend for the GIL). Needs the optional extra ``auditor[dask]``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from concurrent.futures import Executor

from auditor.errors import UsageError


def dask_executor(scheduler: str | None):
    """A factory for :func:`auditor.runner.run`'s ``executor`` argument."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--engine dask needs the optional dependencies: pip install 'auditor[dask]'") from None

    @contextlib.contextmanager
    def make(jobs: int) -> Iterator[Executor]:
        cluster = None
        try:
            if scheduler:
                client = Client(scheduler, timeout="30s")
            else:
                cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
                client = Client(cluster)
        except OSError as exc:
            raise UsageError(f"cannot reach Dask scheduler {scheduler!r}: {exc}") from None
        try:
            yield client.get_executor(pure=False)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    return make
