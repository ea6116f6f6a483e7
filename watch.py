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

from .files import PAPER_SUFFIXES, SKIP_NAMES, SKIP_PREFIXES, is_paper, paper_kind

PASSING = (".part", ".crdownload", ".tmp", ".error.txt")  # a copy still arriving, or our own error note


class Inbox:
    def __init__(
        self,
        folder: Path,
        handle: Callable[[Path], str | None],
        settle: float = 1.0,
        report: Callable[[str], None] | None = None,
        moved: Callable[[Path, Path], None] | None = None,
        notice: Callable[[str], None] | None = None,
    ):
        self.folder = folder
        self.handle = handle  # ingests one file; returns an error message or None
        self.report = report or (lambda message: None)  # says why a file was filed as failed
        self.tell = notice or self.report  # says why a file or folder was left alone
        self.moved = moved or (lambda old, new: None)  # a stored paper now lives in done/: its record follows it
        self.told: set[str] = set()  # names already reported as left alone
        self.settle = settle
        self.seen: dict[Path, tuple[int, float, float]] = {}  # path -> (size, mtime, when last changed)
        self.lock = threading.Lock()
        (folder / "done").mkdir(parents=True, exist_ok=True)
        (folder / "failed").mkdir(parents=True, exist_ok=True)

    def wanted(self, path: Path) -> bool:
        return (
            path.parent == self.folder
            and (path.is_file() or path.is_symlink())
            and not path.name.startswith(SKIP_PREFIXES)
            and not path.name.endswith(PASSING)
            and is_paper(path)
        )

    def notice(self, path: Path) -> None:
        if self.wanted(path):
            self._wait_for(path)

    def _wait_for(self, path: Path) -> None:
        with self.lock:
            self.seen[path] = (-1, 0.0, time.monotonic())

    def scan(self) -> None:
        """Look at every waiting file; ingest those that have settled."""
        for path in sorted(self.folder.iterdir()):
            wanted = self.wanted(path)  # once: a file with an odd name is read for its first bytes
            if wanted and path not in self.seen:
                self._wait_for(path)
            elif not wanted:
                self.left_alone(path)
        now = time.monotonic()
        with self.lock:
            waiting = list(self.seen.items())
        for path, (size, mtime, changed) in waiting:
            if path.is_symlink() and self.outside(path):  # before any stat: a link may lead nowhere or loop
                with self.lock:
                    self.seen.pop(path, None)
                if path.is_symlink():
                    self.file(path)
                continue
            try:
                stat = path.stat()
            except OSError:  # gone, or unreadable: it is looked at again when it changes
                with self.lock:
                    self.seen.pop(path, None)
                continue
            if (stat.st_size, stat.st_mtime) != (size, mtime):
                with self.lock:
                    self.seen[path] = (stat.st_size, stat.st_mtime, now)
                continue
            if now - changed < self.settle or not (complete(path) or now - changed > 10 * self.settle):
                continue  # a PDF without its end marker or a Word file without its zip directory is still coming
            with self.lock:
                self.seen.pop(path, None)
            self.file(path)

    def file(self, path: Path) -> None:
        refused = self.outside(path)
        if refused:
            self.report(refused)
        error = refused or self.handle(path)
        folder = self.folder / ("failed" if error else "done")
        folder.mkdir(parents=True, exist_ok=True)  # someone may have removed it while watching
        target = unique(folder / path.name)
        shutil.move(str(path), target)
        if error:
            note = error.replace(str(path), target.name)  # the paper as it lies now, beside this note
            target.with_name(target.name + ".error.txt").write_text(note + "\n", encoding="utf-8")
        else:
            try:
                self.moved(path, target)
            except Exception as exc:  # the database is locked or gone: the paper is stored; say so, keep watching
                self.report(f"{path.name}: stored and filed in done/, but its record still names the inbox ({exc})")

    def left_alone(self, path: Path) -> None:
        """Say once why a file or folder dropped in is not read, rather than leave the sender wondering."""
        name = path.name
        if name in self.told or name in ("done", "failed") or name.startswith(SKIP_PREFIXES) or name in SKIP_NAMES:
            return
        if name.endswith(PASSING):
            return  # still being copied, or ours
        if path.is_file() and path.stat().st_size < 8 and time.time() - path.stat().st_mtime < 2 * self.settle + 1:
            return  # the first bytes, which would show a PDF or Word file whatever its name, may still be coming
        self.told.add(name)
        if path.is_dir():
            self.tell(f"{name}/: a folder; only files dropped into the inbox itself are read")
        elif path.is_file():
            shown = " ".join(sorted(s for s in PAPER_SUFFIXES if s))
            self.tell(f"{name}: not a kind of paper minutes reads ({shown}); left where it is")

    def outside(self, path: Path) -> str | None:
        """A link that leads out of the inbox is never read: the inbox takes what people drop in, not what a
        link points at (another folder's confidential paper, /etc/passwd)."""
        if not path.is_symlink():
            return None
        try:
            target = path.resolve(strict=True)
            inside = target.parent == self.folder.resolve() and target.is_file()
        except (OSError, RuntimeError):  # dangling, looping or forbidden
            inside = False
        return None if inside else f"{path.name}: a link to a file outside the inbox; not read"


def unique(target: Path) -> Path:
    """An archive name no earlier paper holds: 'minutes.pdf', then 'minutes-2.pdf', 'minutes-3.pdf' ..."""
    n = 1
    found = target
    while found.exists() or found.is_symlink():
        n += 1
        found = target.with_name(f"{target.stem}-{n}{target.suffix}")
    return found


def complete(path: Path) -> bool:
    """Whether a file's format says it is whole: a PDF ends with %%EOF, a Word file has its zip directory."""
    try:
        suffix = path.suffix.lower()
        if suffix not in PAPER_SUFFIXES:
            suffix = f".{paper_kind(path)}"  # a PDF or Word file by its bytes, whatever its name
        if suffix == ".pdf":
            with path.open("rb") as handle:
                handle.seek(max(0, path.stat().st_size - 2048))
                return b"%%EOF" in handle.read()
        if suffix == ".docx":
            import zipfile

            return zipfile.is_zipfile(path)
    except OSError:
        return False
    return True


class InboxTaken(RuntimeError):
    """Another watcher holds this inbox."""


def hold(folder: Path):
    """Take the inbox for this watcher (a lock file, released when the process ends however it ends)."""
    import fcntl

    handle = (folder / ".minutes-watch.lock").open("a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise InboxTaken(f"{folder}: another 'minutes watch' is already watching this folder") from None
    return handle


def watch(
    folder: Path,
    handle: Callable[[Path], str | None],
    stop: threading.Event,
    settle: float = 1.0,
    tick: float = 0.25,
    report: Callable[[str], None] | None = None,
    moved: Callable[[Path, Path], None] | None = None,
    notice: Callable[[str], None] | None = None,
) -> None:
    """Run until `stop` is set: watchdog events wake the scan, and a slow poll catches anything missed."""
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    held = hold(folder)
    inbox = Inbox(folder, handle, settle, report, moved, notice)

    class Events(FileSystemEventHandler):
        def on_any_event(self, event) -> None:
            # a file written or moved in; not one merely opened and read (as the completeness check does)
            if not event.is_directory and event.event_type in ("created", "modified", "moved", "closed"):
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
        held.close()
