"""The drop folder: papers dropped into INBOX are ingested once fully written, then filed away.

watchdog reports new and changed files; a file counts as complete when its
size and modification time have stayed the same for a settle period, so a
paper still being copied is never read half-written. Ingested papers move to
INBOX/done/, failures to INBOX/failed/ with FILE.error.txt beside them.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path

from .files import PAPER_SUFFIXES, SKIP_PREFIXES


class Inbox:
    def __init__(self, folder: Path, handle: Callable[[Path], str | None], settle: float = 1.0):
        self.folder = folder
        self.handle = handle  # ingests one file; returns an error message or None
        self.settle = settle
        self.seen: dict[Path, tuple[int, float, float]] = {}  # path -> (size, mtime, when last changed)
        self.lock = threading.Lock()
        (folder / "done").mkdir(parents=True, exist_ok=True)
        (folder / "failed").mkdir(parents=True, exist_ok=True)

    def wanted(self, path: Path) -> bool:
        return (
            path.parent == self.folder
            and path.is_file()
            and not path.name.startswith(SKIP_PREFIXES)
            and not path.name.endswith((".part", ".crdownload", ".tmp", ".error.txt"))
            and path.suffix.lower() in PAPER_SUFFIXES
        )

    def notice(self, path: Path) -> None:
        if self.wanted(path):
            with self.lock:
                self.seen[path] = (-1, 0.0, time.monotonic())

    def scan(self) -> None:
        """Look at every waiting file; ingest those that have settled."""
        for path in sorted(self.folder.iterdir()):
            if self.wanted(path) and path not in self.seen:
                self.notice(path)
        now = time.monotonic()
        with self.lock:
            waiting = list(self.seen.items())
        for path, (size, mtime, changed) in waiting:
            try:
                stat = path.stat()
            except FileNotFoundError:
                with self.lock:
                    self.seen.pop(path, None)
                continue
            if (stat.st_size, stat.st_mtime) != (size, mtime):
                with self.lock:
                    self.seen[path] = (stat.st_size, stat.st_mtime, now)
                continue
            if now - changed < self.settle:
                continue
            with self.lock:
                self.seen.pop(path, None)
            self.file(path)

    def file(self, path: Path) -> None:
        error = self.handle(path)
        target = self.folder / ("failed" if error else "done") / path.name
        if target.exists():
            target = target.with_name(f"{target.stem}-{int(time.time())}{target.suffix}")
        shutil.move(str(path), target)
        if error:
            target.with_name(target.name + ".error.txt").write_text(error + "\n", encoding="utf-8")


def watch(
    folder: Path, handle: Callable[[Path], str | None], stop: threading.Event, settle: float = 1.0, tick: float = 0.25
) -> None:
    """Run until `stop` is set: watchdog events wake the scan, and a slow poll catches anything missed."""
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    inbox = Inbox(folder, handle, settle)

    class Events(FileSystemEventHandler):
        def on_any_event(self, event) -> None:
            if not event.is_directory:
                for name in ("src_path", "dest_path"):
                    path = Path(getattr(event, name, "") or "")
                    if path.parent == folder:
                        inbox.notice(path)

    observer = Observer()
    observer.schedule(Events(), str(folder), recursive=False)
    observer.start()
    try:
        while not stop.is_set():
            inbox.scan()
            stop.wait(tick)
    finally:
        observer.stop()
        observer.join()
