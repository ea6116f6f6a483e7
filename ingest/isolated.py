"""Read a file in a child process with a memory limit, so a runaway reader cannot take the run down.

pdfium is C++: a PDF whose content stream inflates to 100 MB of text makes it allocate gigabytes
and then abort the whole process, which no `except` can catch. Each file is therefore read in a
forked child under an address-space limit. The child sends back a heartbeat as each page is read
(and as each page is OCR'd) and then the lines, as pickled frames on a pipe; a child that dies, or
that sends nothing for STALL seconds, becomes one IngestError naming the file and the page, and
the run goes on. The child is the leader of its own process group (Tesseract runs in it), dies
with its parent, and writes its temporary files in a folder the parent removes.

Only Linux is isolated this way (fork, and RLIMIT_AS that is enforced); elsewhere files are read
in process.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import shutil
import signal
import struct
import sys
import tempfile
from collections.abc import Callable, Iterator
from typing import TypeVar

from .errors import IngestError

MEMORY = 320 * 2**20  # bytes a child may allocate beyond what it inherits; the corpus needs under 300 MB
STALL = 180.0  # seconds a child may go without a heartbeat: longer than Tesseract may take on one page (ocr.py)
_HEADER = struct.Struct("!I")
_CRASHES = {getattr(signal, name) for name in ("SIGABRT", "SIGSEGV", "SIGBUS") if hasattr(signal, name)}
_PR_SET_PDEATHSIG = 1

T = TypeVar("T")
Progress = Callable[[str, int], None]


def supported() -> bool:
    """Whether files can be read in a limited child here."""
    return sys.platform == "linux" and hasattr(os, "fork") and os.environ.get("MINUTES_READ_IN_PROCESS") != "1"


def run(
    path: str,
    work: Callable[[Progress], T],
    on_event: Progress | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> T:
    """`work(progress)` run in a limited child; its result, or its IngestError, returned or raised here.

    `progress(kind, number)` in the child reaches `on_event(kind, number)` here: ("page", n) as page
    n starts, and any other event the reader reports (OCR progress). `meanwhile()` runs here while the
    child reads: the parent's own start-up work (loading the extraction rules) on the other core; where
    files are read in process, it runs after the read."""
    if not supported():
        result = work(on_event or (lambda kind, number: None))
        if meanwhile:
            meanwhile()
        return result
    scratch = tempfile.mkdtemp(prefix="minutes-read-")
    read_end, write_end = os.pipe()
    try:
        pid = _fork()
    except OSError as err:
        for fd in (read_end, write_end):
            os.close(fd)
        shutil.rmtree(scratch, ignore_errors=True)
        raise IngestError(path, f"cannot start a process to read it ({err.strerror or err})") from None
    if pid == 0:  # the child: never returns
        os.close(read_end)
        _child(write_end, path, work, scratch)
    os.close(write_end)
    try:
        if meanwhile:
            meanwhile()
        return _parent(read_end, pid, path, on_event)
    finally:
        os.close(read_end)
        _end(pid)
        shutil.rmtree(scratch, ignore_errors=True)


def _fork() -> int:
    """fork() with Ctrl-C held back until the child has its own handler: it must never run the parent's code."""
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
        return pid
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def _child(fd: int, path: str, work: Callable[[Progress], object], scratch: str) -> None:
    code = 0
    try:
        os.setpgid(0, 0)  # its own group, so the parent can stop Tesseract with it
        _die_with_parent()
        tempfile.tempdir = scratch
        _limit_memory()

        def progress(kind: str, number: int) -> None:
            _send(fd, ("event", kind, number))

        _send(fd, ("done", work(progress)))
    except IngestError as err:
        _send(fd, ("error", err.cause))
    except MemoryError:
        _send(fd, ("memory",))
    except BaseException as err:  # any other failure is still one line for the parent to report
        _send(fd, ("error", f"could not be read ({type(err).__name__}: {err})"))
        code = 1
    finally:
        os._exit(code)


def _die_with_parent() -> None:
    """Ask Linux to kill this child if the process that forked it dies (a killed ingest leaves no reader)."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _limit_memory() -> None:
    """The child's address space: what it inherited plus MEMORY."""
    import resource

    with open("/proc/self/statm") as handle:
        inherited = int(handle.read().split()[0]) * resource.getpagesize()
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = inherited + MEMORY
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if soft == resource.RLIM_INFINITY or soft > limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _send(fd: int, message: tuple) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


def _parent(fd: int, pid: int, path: str, on_event: Progress | None):
    page = 0
    for message in _messages(fd):
        if message is None:  # stalled
            _kill(pid)
            where = f"page {page}" if page else "the file"
            raise IngestError(path, f"reading {where} took over {STALL:.0f} s; stopped (a damaged or hostile file?)")
        if message[0] == "event":
            _, kind, number = message
            if kind == "page":
                page = number
            elif on_event:
                on_event(kind, number)
        elif message[0] == "done":
            return message[1]
        elif message[0] == "memory":
            raise IngestError(path, f"the file {_over_memory(page)}")
        else:
            raise IngestError(path, message[1])
    raise IngestError(path, _died(pid, page))


def _messages(fd: int) -> Iterator[tuple | None]:
    """The child's frames as they arrive, and None when nothing has come for STALL seconds."""
    poller = select.poll()  # not select(): a process with over 1,024 open files would break it
    poller.register(fd, select.POLLIN)
    buffer = bytearray()
    while True:
        if not poller.poll(STALL * 1000):
            yield None
            return
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return
        buffer += chunk
        while len(buffer) >= _HEADER.size:
            (size,) = _HEADER.unpack_from(buffer)
            if len(buffer) < _HEADER.size + size:
                break
            yield pickle.loads(bytes(buffer[_HEADER.size : _HEADER.size + size]))
            del buffer[: _HEADER.size + size]


def _kill(pid: int) -> None:
    """Stop the child and everything it started (Tesseract)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def _end(pid: int) -> None:
    """Make sure the child and its group are gone: it has answered, or it is being given up on."""
    _kill(pid)
    with contextlib.suppress(ChildProcessError):  # already waited for by _died, or SIGCHLD is ignored here
        os.waitpid(pid, 0)


def _died(pid: int, page: int) -> str:
    """Why a child closed its pipe without an answer, from how it ended."""
    try:
        status = os.waitpid(pid, 0)[1]
    except ChildProcessError:  # SIGCHLD ignored: the exit status is gone
        status = None
    where = f" on page {page}" if page else ""
    if status is None or (os.WIFSIGNALED(status) and os.WTERMSIG(status) in _CRASHES):
        return f"the reader crashed{where}: the file is damaged or {_over_memory(0)}"
    if os.WIFSIGNALED(status):
        return f"the reader was stopped{where} by signal {signal.Signals(os.WTERMSIG(status)).name}"
    return f"the reader stopped{where} without an answer (exit status {os.WEXITSTATUS(status)})"


def _over_memory(page: int) -> str:
    where = f" on page {page}" if page else ""
    limit = MEMORY // 2**20
    return f"needs more than the {limit} MB allowed to read one file{where} (text that inflates without bound?)"
