"""Where batch extraction runs: this machine's processes, or a Dask cluster. The only engine code.

Both map one function over paths and yield results as they finish, with at most a few tasks per
worker in flight, so memory stays flat however many documents there are.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

ENGINES = ("local", "dask")
IN_FLIGHT = 4  # tasks queued per worker: enough to keep it busy, few enough to keep memory flat
CHUNK = 8  # documents per Dask task: a task costs the scheduler milliseconds, a document tens of them

R = TypeVar("R")  # what the mapped function returns


class EngineError(Exception):
    """The engine cannot start (Dask not installed, scheduler unreachable): one line for the user."""


def run(engine: str, work: Callable[[str], R], paths: list[str], jobs: int, scheduler: str | None = None):
    """`work(path)` for every path, in the order they finish."""
    if engine == "dask":
        return _dask(work, paths, jobs, scheduler)
    if jobs <= 1:
        return (work(path) for path in paths)
    return _local(work, paths, jobs)


def _local(work, paths: list[str], jobs: int) -> Iterator[R]:
    pending: dict = {}
    todo = iter(paths)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        try:
            while True:
                for path in todo:
                    pending[pool.submit(work, path)] = path
                    if len(pending) >= jobs * IN_FLIGHT:
                        break
                if not pending:
                    return
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    path = pending.pop(future)
                    try:
                        yield future.result()
                    except BrokenProcessPool:  # a worker was killed: finish here, each file still read in a child
                        yield from (work(p) for p in [path, *pending.values(), *todo])
                        return
        finally:
            for future in pending:
                future.cancel()


def _dask(work, paths: list[str], jobs: int, scheduler: str | None) -> Iterator[R]:
    try:
        import distributed
    except ImportError:
        raise EngineError("the dask engine needs Dask: pip install 'minutes[scale]'") from None
    logging.getLogger("distributed").setLevel(logging.CRITICAL)  # its own tracebacks are not for the user
    client, cluster = _connect(distributed, jobs, scheduler)
    try:
        yield from _dask_results(distributed, client, work, paths)
    except (distributed.client.FutureCancelledError, distributed.KilledWorker, OSError) as exc:
        raise EngineError(f"the Dask cluster stopped ({type(exc).__name__}); run again to go on from here") from None
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _connect(distributed, jobs: int, scheduler: str | None):
    """A client of the given scheduler, or of a new local cluster of `jobs` worker processes."""
    try:
        if scheduler:
            return distributed.Client(scheduler, timeout="10s"), None
        cluster = distributed.LocalCluster(
            n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
        )
        return distributed.Client(cluster), cluster
    except (OSError, ValueError, TimeoutError) as exc:
        raise EngineError(f"cannot reach the Dask scheduler {scheduler or ''}: {exc}") from None


def _dask_results(distributed, client, work, paths: list[str]) -> Iterator[R]:
    """Results as they finish, with IN_FLIGHT tasks of CHUNK documents per worker submitted at a time."""
    workers = max(1, len(client.scheduler_info()["workers"]))
    chunks = (paths[i : i + CHUNK] for i in range(0, len(paths), CHUNK))
    first = [client.submit(_each, work, c, pure=False) for c in itertools.islice(chunks, workers * IN_FLIGHT)]
    running = distributed.as_completed(first)
    for future in running:
        yield from future.result()
        future.release()
        following = next(chunks, None)
        if following is not None:
            running.add(client.submit(_each, work, following, pure=False))


def _each(work: Callable[[str], R], paths: list[str]) -> list[R]:
    """One Dask task: several documents, each still its own record (and its own error)."""
    return [work(path) for path in paths]
