"""Writing the files users ask for: whole or not at all, and never over the database itself.

Each file is written beside its target under a hidden `.NAME.xxxx.partial` name, flushed to disk and
renamed over the target, so a full disk or an interrupted run leaves the previous good file (and no
partial one); a target that is the database, or its journal, WAL or shared-memory file, is refused.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path

_WHY = {
    errno.ENOSPC: "disk full",
    errno.EDQUOT: "disk quota exceeded",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOENT: "no such folder",
    errno.EROFS: "read-only file system",
    errno.EISDIR: "is a folder",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
}


class OutputError(ValueError):
    """Why an output was not written, in one line naming it."""


def guard(target: Path, database: str | Path) -> None:
    """Refuse to write over the database or the files SQLite keeps beside it."""
    if "://" in str(database):
        return  # a PostgreSQL database has no file here to overwrite
    db = Path(database).resolve()
    own = {db, *(db.with_name(db.name + suffix) for suffix in ("-wal", "-shm", "-journal"))}
    if Path(target).resolve() in own:
        raise OutputError(f"{target}: that is the database (or one of its files); give --out another name")


def write_whole(target: Path, data: bytes) -> None:
    """Write `data` to `target` in one step; OutputError says why not.

    The partial file is made new and private by mkstemp (never through a link someone left in a shared
    folder, never shared by two runs) and takes the old file's permissions before it replaces it."""
    target = Path(target)
    partial: Path | None = None
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
        partial = Path(name)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if target.exists():
            shutil.copymode(target, partial)
        else:
            os.chmod(partial, 0o666 & ~_umask())
        os.replace(partial, target)
    except BaseException as exc:  # interrupted or failed: no partial file stays behind
        if partial is not None:
            partial.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"{target}: not written ({_WHY.get(exc.errno, exc.strerror or str(exc))})") from None
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_all(found: dict[Path, bytes], database: str | Path, folder: Path | None = None) -> list[Path]:
    """Several files (an export's CSV folder, made if need be): every target checked before any is written."""
    for target in found:
        guard(target, database)
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            why = _WHY.get(exc.errno, exc.strerror)
            raise OutputError(f"{folder}: cannot make the folder ({why})") from None
    for target in found:
        write_whole(target, found[target])
    return list(found)
