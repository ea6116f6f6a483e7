"""Help that reads as a person wrote it: plain placeholders for every value, and an example for every command."""

from __future__ import annotations

EXAMPLES = {
    "ingest": "minutes ingest papers/ --jobs 2",
    "reread": "minutes reread --body 'Schools Forum' --jobs 2",
    "forget": "minutes forget papers/wrong-committee-2024-03-05.pdf",
    "extract": "minutes extract minutes-2024-03-05.pdf --json --trace",
    "batch": "minutes batch archive/ --out extractions.jsonl --engine dask --jobs 8",
    "load": "minutes load extractions.jsonl",
    "meetings": "minutes meetings --body 'Schools Forum' --csv",
    "actions": "minutes actions --open --owner 'Tony Burton'",
    "action show": "minutes action show SF-2023-03-14-01",
    "action done": "minutes action done SF-2023-03-14-01 --note 'Emailed the sub-group'",
    "action reopen": "minutes action reopen SF-2023-03-14-01 --note 'Not finished after all'",
    "action drop": "minutes action drop SF-2023-03-14-02 --note 'Overtaken by the new policy'",
    "action set": "minutes action set SF-2023-03-14-01 --due 30/09/2023 --owner 'Tony Burton / Peter Haylock'",
    "action": "minutes action done SF-2023-03-14-01",
    "people": "minutes people --body 'Schools Forum'",
    "people merge": "minutes people merge 'Clare Fletcher' 'Claire Fletcher'",
    "digest": "minutes digest --body 'Schools Forum' --format html --out digest.html",
    "agenda": "minutes agenda --body 'Schools Forum' --date 2023-09-19 --out pack.docx --pdf",
    "action-log": "minutes action-log --body 'Schools Forum' --out action-log.docx",
    "review": "minutes review --below 0.7",
    "review confirm": "minutes review confirm action 12",
    "review reject": "minutes review reject attendee 40",
    "review correct": "minutes review correct action 12 --field owners --value 'Tony Burton'",
    "serve": "minutes serve --port 8001",
    "watch": "minutes watch ~/inbox --settle 2",
    "calendar": "minutes calendar --body 'Schools Forum' --out forum.ics",
    "export": "minutes export --format xlsx --out minutes.xlsx",
    "search": "minutes search school budget --kind decisions",
    "eval": "minutes eval my-gold/ my-papers/ --json",
}

_METAVARS = {
    "body": "NAME",
    "owner": "NAME",
    "db": "FILE|URL",
    "out": "FILE",
    "target": "FILE",
    "scheduler": "URL",
    "engine": "local|dask",
    "out_file": "FILE",
    "out_path": "PATH",
    "template": "FILE.docx",
    "day": "DATE",
    "due": "DATE",
    "as_of": "DATE",
    "time": "HH:MM",
    "jobs": "N",
    "port": "PORT",
    "host": "ADDRESS",
    "to": "ADDRESS",
    "below": "0-1",
    "settle": "SECONDS",
    "fmt": "FORMAT",
    "record_id": "ID",
    "ref": "REF",
    "paths": "PATH",
    "words": "WORDS",
    "limit": "N",
    "file": "FILE",
    "gold_dir": "GOLD_DIR",
    "docs_dir": "DOCS_DIR",
    "inbox": "INBOX",
    "keep": "PERSON",
    "other": "PERSON",
    "keep_body": "BODY",
    "other_body": "BODY",
    "kind": "KIND",
}


def polish(command, path: str = "") -> None:
    """Set a placeholder on every parameter that has none and add each command's example to its help."""
    for param in getattr(command, "params", []):
        if param.metavar is None and not getattr(param, "is_flag", False):
            param.metavar = _metavar(param)
        if param.param_type_name == "argument":
            _plain_argument(param)
    example = EXAMPLES.get(path.strip())
    if example and command.help and "Example:" not in command.help:
        command.help = f"{command.help.rstrip()}\n\n\b\nExample:\n  {example}"
    for name, sub in getattr(command, "commands", {}).items():
        polish(sub, f"{path} {name}")


def _metavar(param) -> str:
    name = param.name or ""
    if param.param_type_name == "argument":
        word = _METAVARS.get(name, name.upper())
        return f"{word}..." if param.nargs == -1 else word
    return _METAVARS.get(name, "TEXT")


def _plain_argument(param) -> None:
    """Typer prints a required argument as '{paths}...' and its type as '<list[str]>'; a person reads 'PATH...'."""
    word = param.metavar
    param._usage_display_name = lambda: word if param.required else f"[{word}]"
    param._rich_display_name = lambda: word
    param.display_type_rich = lambda ctx=None: ""
