"""The chair's digest of outstanding actions: HTML, Markdown, plain text, or an email with both."""

from __future__ import annotations

from email.message import EmailMessage

from .templating import render

FORMATS = ("html", "md", "txt", "eml", "json")


def digest_text(data: dict, fmt: str) -> str:
    """The digest as text; as JSON, the same data the templates are given, for a portal or a script."""
    if fmt == "json":
        import json

        return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
    return render(f"digest.{fmt}.j2", **data)


def digest_message(data: dict, sender: str, to: list[str]) -> EmailMessage:
    """A multipart/alternative message: the plain text first, the HTML second."""
    from email.utils import formatdate, make_msgid

    message = EmailMessage()
    message["Subject"] = f"Outstanding actions: {data['body']} (as of {data['as_of']})"
    message["From"] = sender
    message["To"] = ", ".join(to)
    message["Date"] = formatdate(localtime=True)
    domain = sender.rpartition("@")[2] or "localhost"
    message["Message-ID"] = make_msgid("minutes-digest", domain=domain)
    message.set_content(digest_text(data, "txt"))
    message.add_alternative(digest_text(data, "html"), subtype="html")
    return message


def for_owner(data: dict, owner: str) -> dict:
    """The digest cut down to one owner's actions, for sending each owner their own."""
    mine = [o for o in data["owners"] if o["name"] == owner]
    actions = mine[0]["actions"] if mine else []
    return {
        **data,
        "owners": mine,
        "closed": [],
        "counts": {"open": len(actions), "overdue": sum(a["overdue"] for a in actions), "closed_since_last_meeting": 0},
    }
