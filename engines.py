"""Where batch extraction runs: this machine's processes, or a Dask cluster. The only engine code.

Both map one function over paths and yield results as they finish, with at most a few tasks per
worker in flight, so memory stays flat however many documents there are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

ENGINES = ("local", "dask")
IN_FLIGHT = 4  # tasks queued per worker: enough to keep it busy, few enough to keep memory flat


class EngineError(Exception):
    """The engine cannot start (Dask not installed, scheduler unreachable): one line for the user."""


def run(engine: str, work: Callable[[str], dict], paths: list[str], jobs: int, scheduler: str | None = None):
    """`work(path)` for every path, in the order they finish."""
    if engine == "dask":
        return _dask(work, paths, jobs, scheduler)
    if jobs <= 1:
        return (work(path) for path in paths)
    return _local(work, paths, jobs)


def _local(work, paths: list[str], jobs: int) -> Iterator[dict]:
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


def _dask(work, paths: list[str], jobs: int, scheduler: str | None) -> Iterator[dict]:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise EngineError("the dask engine needs Dask: pip install 'minutes[scale]'") from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="10s")
        else:
            cluster = LocalCluster(
                n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
            )
            client = Client(cluster)
    except OSError as exc:
        raise EngineError(f"cannot reach the Dask scheduler {scheduler or ''}: {exc}") from None
    try:
        workers = max(1, len(client.scheduler_info()["workers"]))
        todo = iter(paths)
        first = [client.submit(work, p, pure=False) for _, p in zip(range(workers * IN_FLIGHT), todo, strict=False)]
        running = as_completed(first)
        for future in running:
            yield future.result()
            future.release()
            following = next(todo, None)
            if following is not None:
                running.add(client.submit(work, following, pure=False))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
