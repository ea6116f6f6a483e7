"""Bytes to text for the plain formats: UTF-8 first, Windows-1252 where it is not."""

from __future__ import annotations

from .sniff import utf16_without_bom


def decode(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, else line by line.

    Files written on Windows are often cp1252, and files pasted together from
    several sources mix both; decoding each line on its own keeps every line
    readable instead of garbling a whole file for one bad byte.
    """
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):  # UTF-32's marks, before UTF-16's they begin with
        return data.decode("utf-32", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    bare = utf16_without_bom(data[:4096])
    if bare:
        return data.decode(bare, errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    out = []
    for raw in data.splitlines(keepends=True):
        try:
            out.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(raw.decode("cp1252", errors="replace"))
    return "".join(out)
