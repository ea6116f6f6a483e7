"""The chair's digest, written to files and sent through a real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

import email
import json
import os
import re
import shutil
import socket
from email import policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from backends import copy_of, fresh_db
from conftest import SAMPLES, run_cli

# the digest of what is stored is checked on SQLite and on PostgreSQL; the mail's headers and login, a
# settings file lying beside a SQLite file, and the page layout, only on the SQLite file
pytestmark = pytest.mark.both_backends

REFS = [f"SF-2023-03-14-{n:02d}" for n in range(1, 7)]
OWNERS = ["Tony Burton", "Caroline Baxter", "Peter Haylock", "David Abbott"]
HOSTILE = """Schools Forum Minutes

Tuesday 27 June 2023

PRESENT

Officers

Tony Burton (Head of Finance)

1. ANY OTHER BUSINESS

ACTION: Tony Burton to check the <script>alert('x')</script> widget and {{ config }} {% raw %}.
"""


class Inbox:
    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp():
    inbox = Inbox()

    def check(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.password == b"s3cret-pass"
        return AuthResult(success=ok, handled=False)

    controller = Controller(inbox, hostname="127.0.0.1", port=free_port(), authenticator=check, auth_require_tls=False)
    controller.start()
    yield inbox, controller.port
    controller.stop()


def ingested(db: Path | str) -> Path | str:
    run_cli("ingest", str(SAMPLES / "schools-forum-2023-06-27-agenda-pack.txt"), db=db, check=True)
    return db


@pytest.fixture(scope="module")
def sqlite_stored(tmp_path_factory) -> Path:
    """The agenda pack stored once in a SQLite file: `stored` on SQLite, and the tests that need no other backend."""
    return ingested(tmp_path_factory.mktemp("digest") / "m.db")


@pytest.fixture(scope="module")
def stored(backend: str, tmp_path_factory, sqlite_stored: Path) -> Path | str:
    return sqlite_stored if backend == "sqlite" else ingested(fresh_db(backend, tmp_path_factory.mktemp("digest")))


@pytest.fixture
def db(stored: Path | str, tmp_path: Path) -> Path | str:
    """The test's own copy of the stored pack, in its own folder (where a SQLite file's minutes.toml lies)."""
    return copy_of(stored, tmp_path)


@pytest.fixture
def sqlite_db(sqlite_stored: Path, tmp_path: Path) -> Path:
    return copy_of(sqlite_stored, tmp_path)


def settings(db: Path | str, tmp_path: Path, text: str) -> dict:
    """A minutes.toml for the digest: beside a SQLite file; a PostgreSQL URL has no folder, so named by
    MINUTES_CONFIG. The environment to add."""
    path = tmp_path / "minutes.toml"
    path.write_text(text, encoding="utf-8")
    return {} if isinstance(db, Path) else {"MINUTES_CONFIG": str(path)}


def env_for(port: int, password: str = "s3cret-pass") -> dict:
    return {
        **os.environ,
        "MINUTES_SMTP_HOST": "127.0.0.1",
        "MINUTES_SMTP_PORT": str(port),
        "MINUTES_SMTP_SECURITY": "none",
        "MINUTES_SMTP_USER": "clerk",
        "MINUTES_SMTP_PASSWORD": password,
        "MINUTES_SMTP_FROM": "clerk@lbhf.example",
    }


def parts(message) -> tuple[str, str]:
    plain = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return plain, html


def test_eml_lists_the_six_actions_of_14_march(db: Path | str, tmp_path: Path) -> None:
    out = tmp_path / "digest.eml"
    run_cli(
        "digest",
        "--body",
        "Schools Forum",
        "--as-of",
        "2023-06-27",
        "--format",
        "eml",
        "--out",
        str(out),
        db=db,
        check=True,
    )
    message = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert message["Subject"] == "Outstanding actions: Schools Forum (as of 2023-06-27)"
    assert message.get_content_type() == "multipart/alternative"
    plain, html = parts(message)
    for text in (plain, html):
        assert all(ref in text for ref in REFS)
        assert all(owner in text for owner in OWNERS)
        assert "Open: 6" in plain
    assert plain.index("Caroline Baxter") < plain.index("Tony Burton"), "owners in order, none overdue yet"


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_formats_to_files(db: Path | str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"digest.{fmt}"
    run_cli(
        "digest",
        "--body",
        "Schools Forum",
        "--as-of",
        "2023-06-27",
        "--format",
        fmt,
        "--out",
        str(out),
        db=db,
        check=True,
    )
    text = out.read_text(encoding="utf-8")
    assert all(ref in text for ref in REFS)


def test_overdue_first_and_closed_counted(db: Path | str) -> None:
    run_cli("action", "set", "SF-2023-03-14-05", "--due", "2023-05-01", db=db, check=True)
    run_cli("action", "done", "SF-2023-03-14-01", "--note", "Done 20 March", db=db, check=True)
    text = run_cli("digest", "--body", "Schools Forum", "--as-of", "2099-01-01", db=db, check=True).stdout
    blocks = text.split("\n\n")[2:]
    late = ["[OVERDUE]" in block for block in blocks]
    assert late == sorted(late, reverse=True), "the owners with an overdue action come first"
    assert "SF-2023-03-14-05 [OVERDUE]" in text and "SF-2023-03-14-01" not in text
    assert "SF-2023-03-14-02 [OVERDUE]" in text and "due next meeting (27 Jun 2023)" in text
    assert "Closed since the last meeting: 1" in text


def test_the_digest_keeps_the_actions_of_an_undated_meeting_and_agrees_with_the_action_log(tmp_path: Path) -> None:
    people = "Present: Ann Bell, Cy Dee, Ed Fox\n\n1. Budget\n"
    (tmp_path / "march.txt").write_text(
        "Minutes of the Finance Committee held on 5 March 2024\n\n" + people + "ACTION: Clerk to send the budget.\n"
    )
    (tmp_path / "undated.txt").write_text(
        "Minutes of the Finance Committee\n\n" + people + "ACTION: Treasurer to check the bank statements.\n"
    )
    db = tmp_path / "m.db"
    run_cli("ingest", str(tmp_path / "march.txt"), str(tmp_path / "undated.txt"), db=db, check=True)
    text = run_cli("digest", "--body", "Finance Committee", "--as-of", "2024-06-01", db=db, check=True).stdout
    log = run_cli("action-log", "--body", "Finance Committee", "--format", "md", db=db, check=True).stdout
    assert re.findall(r"(\d+) open actions", log) == ["2"] and "Open: 2 " in text
    assert "check the bank statements.\n  Raised at an undated meeting, item 1; due not set\n" in text


def test_send_multipart_over_smtp(db: Path | str, tmp_path: Path, smtp) -> None:
    inbox, port = smtp
    hostile = tmp_path / "m.db.hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    run_cli("ingest", str(hostile), db=db, check=True)
    run_cli("action", "done", "SF-2023-03-14-02", "--note", "Update given", db=db, check=True)
    result = run_cli(
        "digest",
        "--body",
        "Schools Forum",
        "--send",
        "--to",
        "chair@lbhf.example",
        "--to",
        "vice@lbhf.example",
        db=db,
        env=env_for(port),
    )
    assert result.returncode == 0, result.stderr
    (message,) = inbox.messages
    assert inbox.envelopes[0].rcpt_tos == ["chair@lbhf.example", "vice@lbhf.example"]
    assert message["From"] == "clerk@lbhf.example"
    plain, html = parts(message)
    open_refs = [r for r in REFS if r != "SF-2023-03-14-02"] + ["SF-2023-06-27-01"]
    assert all(r in plain and r in html for r in open_refs)
    assert "SF-2023-03-14-02" not in plain and "SF-2023-03-14-02" not in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "{{ config }}" in plain, "template syntax from a document is printed, never run"


def test_per_owner_sends_each_their_own(db: Path | str, tmp_path: Path, smtp) -> None:
    inbox, port = smtp
    extra = settings(
        db, tmp_path, '[addresses]\n"cllr tony burton" = "tony@lbhf.example"\n"peter  haylock" = "peter@lbhf.example"\n'
    )  # a title and the case or spacing of a name in the address book do not matter
    env = {**env_for(port), **extra}
    result = run_cli(
        "digest", "--body", "Schools Forum", "--as-of", "2023-06-27", "--send", "--per-owner", db=db, env=env
    )
    assert result.returncode == 1, "a run that could not reach everyone says so to cron"
    assert "no address for Caroline Baxter" in result.stderr
    last = result.stderr.splitlines()[-1]
    assert last.startswith("error: 2 owner(s) not sent their digest") and "Caroline Baxter" in last
    got = {m["To"]: parts(m)[0] for m in inbox.messages}
    assert set(got) == {"tony@lbhf.example", "peter@lbhf.example"}
    assert "SF-2023-03-14-01" in got["tony@lbhf.example"] and "SF-2023-03-14-03" not in got["tony@lbhf.example"]
    assert "SF-2023-03-14-03" in got["peter@lbhf.example"] and "SF-2023-03-14-01" not in got["peter@lbhf.example"]


def test_per_owner_sends_actions_with_no_owner_to_the_to_readers(db: Path | str, tmp_path: Path, smtp) -> None:
    inbox, port = smtp
    book = "".join(
        f'"{name}" = "{name.split()[0].lower()}@lbhf.example"\n'
        for name in ("Tony Burton", "Peter Haylock", "Caroline Baxter", "David Abbott")
    )
    env = {**env_for(port), **settings(db, tmp_path, "[addresses]\n" + book)}
    paper = tmp_path / "sf-2023-06-20.txt"
    paper.write_text(
        "Minutes of the Schools Forum meeting held on 20 June 2023\n\nPresent: Tony Burton, Peter Haylock\n\n"
        "1. Budget\nACTION: The budget report to be circulated to all schools.\n",
        encoding="utf-8",
    )
    run_cli("ingest", "--body", "Schools Forum", str(paper), db=db, env=env, check=True)
    result = run_cli(
        "digest", "--body", "Schools Forum", "--as-of", "2023-06-27", "--send", "--per-owner",
        "--to", "chair@lbhf.example", db=db, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr  # every owner has an address; no owner is no one's to miss
    got = {m["To"]: parts(m)[0] for m in inbox.messages}
    assert "chair@lbhf.example" in got and "tony@lbhf.example" in got
    assert "No owner named" in got["chair@lbhf.example"] and "Tony Burton" not in got["chair@lbhf.example"]
    without_to = run_cli(
        "digest", "--body", "Schools Forum", "--as-of", "2023-06-27", "--send", "--per-owner", db=db, env=env
    )
    assert without_to.returncode == 1 and "1 action(s) with no owner not sent: add --to" in without_to.stderr


def test_password_never_shown(sqlite_db: Path, smtp) -> None:
    _, port = smtp
    result = run_cli(
        "digest",
        "--body",
        "Schools Forum",
        "--send",
        "--to",
        "chair@lbhf.example",
        db=sqlite_db,
        env=env_for(port, password="wrong-Secret-42"),
    )
    assert result.returncode == 1
    assert "refused the login" in result.stderr
    assert "wrong-Secret-42" not in result.stderr + result.stdout
    assert "password" not in run_cli("digest", "--help").stdout.lower().replace("smtp_password", "")


def test_the_digest_shows_the_last_real_update_and_how_long_it_has_been_carried(
    tmp_path: Path, db_path: Path | str
) -> None:
    head = "Minutes of the Parish Council meeting held on {day}\n\nPresent: Ann Bell (AB), Cy Dee (CD)\n\n"
    papers = {
        "pc-2024-01-10.md": ("10 January 2024", "1. Hall\n\nActions\n\nAB to book the village hall for the fete\n"),
        "pc-2024-02-14.md": ("14 February 2024", "1. Matters arising\n\nBook the village hall: ongoing.\n"),
        "pc-2024-03-13.md": ("13 March 2024", "1. Budget\n\nThe budget was agreed.\n"),
        "pc-2024-04-10.md": ("10 April 2024", "1. Budget\n\nThe accounts were noted.\n"),
    }
    db = db_path
    for name, (day, body) in papers.items():
        (tmp_path / name).write_text(head.format(day=day) + body)
        run_cli("ingest", str(tmp_path / name), db=db, check=True)
    import json

    (action,) = json.loads(run_cli("actions", "--json", db=db, check=True).stdout)
    carried = [h for h in action["history"] if h["words"].startswith("not mentioned")]
    assert [h["meeting_date"] for h in carried] == ["2024-03-13", "2024-04-10"]  # once per meeting
    body = json.loads(run_cli("meetings", "--json", db=db, check=True).stdout)[0]["body"]
    text = run_cli("digest", "--body", body, "--as-of", "2024-04-11", "--format", "txt", db=db, check=True).stdout
    assert "Last update (2024-02-14): Book the village hall: ongoing. (carried forward at 2 meetings since)" in (
        " ".join(text.split())
    )
    assert max(len(line) for line in text.splitlines()) <= 76, "plain text fits a terminal mail reader"


def test_per_owner_finds_an_address_under_a_persons_other_name(db: Path | str, tmp_path: Path, smtp) -> None:
    inbox, port = smtp
    env = {**env_for(port), **settings(db, tmp_path, '[addresses]\n"TB" = "tb@lbhf.example"\n')}
    result = run_cli(
        "digest", "--body", "Schools Forum", "--as-of", "2023-06-27", "--send", "--per-owner", db=db, env=env
    )
    assert result.returncode == 1  # the others had no address
    assert {m["To"] for m in inbox.messages} == {"tb@lbhf.example"}  # Tony Burton's initials
    assert "no address for Peter Haylock" in result.stderr


def test_per_owner_sends_a_posts_actions_to_the_person_holding_it(db: Path | str, tmp_path: Path, smtp) -> None:
    inbox, port = smtp
    env = {**env_for(port), **settings(db, tmp_path, '[addresses]\n"Mary Jones" = "mary@wpc.example"\n')}
    paper = tmp_path / "wpc-2026-11-10.txt"
    paper.write_text(
        "Minutes of the Wye Parish Council meeting held on 10 November 2026\n\n"
        "Present: Cllr Ann Bell (Chair), Mary Jones (Clerk)\n\n1. Hall\nThe Clerk will book the village hall.\n",
        encoding="utf-8",
    )
    run_cli("ingest", str(paper), db=db, env=env, check=True)
    result = run_cli("digest", "--body", "Wye Parish Council", "--send", "--per-owner", db=db, env=env)
    assert result.returncode == 0, result.stderr
    (message,) = inbox.messages
    assert message["To"] == "mary@wpc.example" and "book the village hall" in parts(message)[0]


def test_per_owner_sends_a_groups_actions_to_the_to_readers(db: Path | str, tmp_path: Path, smtp) -> None:
    """'Councillors will look and report': everyone's business, not one person's; with --to the readers get it."""
    inbox, port = smtp
    env = {**env_for(port), **settings(db, tmp_path, '[addresses]\n"Mary Jones" = "mary@wpc.example"\n')}
    paper = tmp_path / "wpc-2026-11-10.txt"
    paper.write_text(
        "Minutes of the Wye Parish Council meeting held on 10 November 2026\n\n"
        "Present: Cllr Ann Bell (Chair), Mary Jones (Clerk)\n\n1. Hall\nThe Clerk will book the village hall.\n"
        "2. Greens\nCouncillors will look at the pillars and report to the next meeting.\n",
        encoding="utf-8",
    )
    run_cli("ingest", str(paper), db=db, env=env, check=True)
    result = run_cli(
        "digest", "--body", "Wye Parish Council", "--send", "--per-owner", "--to", "chair@wpc.example", db=db, env=env
    )
    assert result.returncode == 0, result.stderr
    got = {m["To"]: parts(m)[0] for m in inbox.messages}
    assert set(got) == {"mary@wpc.example", "chair@wpc.example"}
    assert "pillars" in got["chair@wpc.example"] and "village hall" not in got["chair@wpc.example"]
    alone = run_cli("digest", "--body", "Wye Parish Council", "--send", "--per-owner", db=db, env=env)
    assert alone.returncode == 1 and "no address for Councillors" in alone.stderr  # no --to: named, not sent


def test_the_digest_takes_its_format_from_the_files_name(sqlite_db: Path, tmp_path: Path) -> None:
    said = {}
    for name in ("d.html", "d.htm", "d.md", "d.json", "d.eml", "d.text"):
        result = run_cli("digest", "--body", "Schools Forum", "--as-of", "2023-06-27", "--out", str(tmp_path / name),
                         db=sqlite_db, check=True)  # fmt: skip
        said[name] = result.stdout.strip()
    assert (tmp_path / "d.html").read_text().startswith("<!DOCTYPE html>")
    assert (tmp_path / "d.htm").read_text().startswith("<!DOCTYPE html>")
    assert (tmp_path / "d.md").read_text().startswith("# Outstanding actions: Schools Forum")
    assert json.loads((tmp_path / "d.json").read_text())["body"] == "Schools Forum"
    assert email.message_from_bytes((tmp_path / "d.eml").read_bytes())["Subject"]
    assert (tmp_path / "d.text").read_text().startswith("OUTSTANDING ACTIONS: Schools Forum")
    assert re.fullmatch(rf"wrote {re.escape(str(tmp_path / 'd.html'))}: \d+ open actions?", said["d.html"])
    assert said["d.text"].startswith(f"wrote {tmp_path / 'd.text'} (as txt): ")


def test_a_server_without_starttls_says_how_to_go_on(sqlite_db: Path, smtp) -> None:
    inbox, port = smtp
    env = {**env_for(port), "MINUTES_SMTP_SECURITY": "starttls"}
    result = run_cli("digest", "--body", "Schools Forum", "--send", "--to", "chair@lbhf.example", db=sqlite_db, env=env)
    assert result.returncode == 1 and not inbox.messages
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: could not send through 127.0.0.1:{port}: the server offers no STARTTLS")
    assert line.endswith(
        'set MINUTES_SMTP_SECURITY=none (or security = "none" in minutes.toml), else ssl for one on port 465'
    )


def test_a_digest_email_carries_date_and_message_id(sqlite_db: Path, tmp_path: Path) -> None:
    db, out = sqlite_db, tmp_path / "d.eml"
    run_cli("digest", "--body", "Schools Forum", "--as-of", "2023-06-27", "--format", "eml", "--out", str(out), db=db)
    message = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert message["Date"] and message["Message-ID"].startswith("<") and message["Message-ID"].endswith(">")


_MEASURE = """<script>
const tables = [...document.querySelectorAll("table.actions")];
const widths = tables.map(t => [...t.rows[0].cells].map(c => Math.round(c.getBoundingClientRect().width)).join(","));
const refs = [...document.querySelectorAll("td.ref")].map(c => {
  const range = document.createRange(); range.selectNodeContents(c); return range.getClientRects().length;
});
document.body.dataset.layout = JSON.stringify({
  overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth,
  widths: [...new Set(widths)],
  tables: tables.length,
  refLines: Math.max(...refs),
});
</script></body>"""


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed (apt-get install chromium)")
@pytest.mark.parametrize("width", [1280, 800])
def test_the_html_digest_lays_out_in_chromium(sqlite_db: Path, tmp_path: Path, width: int) -> None:
    """Rendered in headless Chromium: no horizontal overflow, every owner's table the same column widths, no
    reference wrapped. The 1280-pixel page is kept as tests/screenshots/digest.png for the README."""
    import json
    import re
    import subprocess

    db, page = sqlite_db, tmp_path / "digest.html"
    run_cli("digest", "--body", "Schools Forum", "--as-of", "2023-06-27", "--format", "html", "--out", str(page), db=db)
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", _MEASURE), encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path / 'profile'}"]
    flags.append(f"--window-size={width},1000")
    dom = subprocess.run(
        ["chromium", *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120
    ).stdout
    layout = json.loads(re.search(r'data-layout="([^"]*)"', dom).group(1).replace("&quot;", '"'))
    assert layout["tables"] >= 2 and not layout["overflow"]
    assert len(layout["widths"]) == 1, layout["widths"]
    assert layout["refLines"] == 1, "a reference wrapped onto a second line"
    shot = tmp_path / "digest.png"
    subprocess.run(["chromium", *flags, f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=120)
    assert shot.stat().st_size > 10_000


def test_a_shared_folders_settings_never_get_the_password_sent_without_tls(sqlite_db: Path, smtp) -> None:
    """A minutes.toml beside a shared database that points the mail at a plain connection does not get the
    password from the officer's environment; the settings file in use is named."""
    inbox, port = smtp
    db = sqlite_db
    shared = db.parent / "minutes.toml"
    shared.write_text(f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n', encoding="utf-8")
    env = {**os.environ, "MINUTES_SMTP_USER": "clerk", "MINUTES_SMTP_PASSWORD": "s3cret-pass"}
    env.pop("MINUTES_SMTP_SECURITY", None)
    result = run_cli("digest", "--body", "Schools Forum", "--send", "--to", "chair@lbhf.example", db=db, env=env)
    assert result.returncode == 1 and inbox.messages == []
    assert f"mail settings from {shared}" in result.stderr
    assert "not sending the SMTP password" in result.stderr and "s3cret-pass" not in result.stderr
    evil = {**env, "MINUTES_SMTP_SECURITY": "starttls"}
    shared.write_text('[smtp]\nhost = "smtp.evil.example"\nport = 587\n', encoding="utf-8")
    captured = run_cli("digest", "--body", "Schools Forum", "--send", "--to", "chair@lbhf.example", db=db, env=evil)
    assert captured.returncode == 1 and "that server is named by" in captured.stderr  # TLS to the wrong host
    shared.write_text("", encoding="utf-8")
    typo = {**env, "MINUTES_SMTP_SECURITY": "tls", "MINUTES_SMTP_HOST": "127.0.0.1", "MINUTES_SMTP_PORT": str(port)}
    refused = run_cli("digest", "--body", "Schools Forum", "--send", "--to", "chair@lbhf.example", db=db, env=typo)
    assert refused.returncode == 1 and "SMTP security must be one of starttls, ssl, none, not 'tls'" in refused.stderr
    chosen = {**typo, "MINUTES_SMTP_SECURITY": "none"}  # the officer's own choice, in their own environment
    sent = run_cli("digest", "--body", "Schools Forum", "--send", "--to", "chair@lbhf.example", db=db, env=chosen)
    assert sent.returncode == 0, sent.stderr
    assert len(inbox.messages) == 1


def test_the_digest_as_json_holds_what_the_text_shows(db: Path | str) -> None:
    import json

    shown = run_cli("digest", "--body", "Schools Forum", "--as-of", "2099-01-01", db=db, check=True).stdout
    data = json.loads(
        run_cli(
            "digest", "--body", "Schools Forum", "--as-of", "2099-01-01", "--format", "json", db=db, check=True
        ).stdout
    )
    counts = data["counts"]
    assert f"Open: {counts['open']}   Overdue: {counts['overdue']}" in shown
    refs = {a["ref"] for owner in data["owners"] for a in owner["actions"]}  # one under each of its owners
    assert refs and all(ref in shown for ref in refs) and len(refs) == counts["open"]


def test_a_later_meeting_speaking_of_a_closed_action_in_passing_does_not_reopen_it(
    tmp_path: Path, backend: str
) -> None:
    """'Mentioned at the meeting of ...' records no status: an action a person closed stays closed."""
    db = fresh_db(backend, tmp_path)
    first, second = tmp_path / "wpc-2026-11-10.txt", tmp_path / "wpc-2027-01-13.txt"  # closed by hand between
    first.write_text(
        "Minutes of the Wye Parish Council meeting held on 10 November 2026\n\nPresent: Cllr Ann Bell, Cllr Cy Dee\n\n"
        "1. Greens\n8 Staines Green – white stones on the verge. Cllr Bell will speak to the owners.\n"
    )
    second.write_text(
        "Minutes of the Wye Parish Council meeting held on 13 January 2027\n\nPresent: Cllr Ann Bell, Cllr Cy Dee\n\n"
        "1. Greens\n8 Staines Green – the owners have moved the white stones.\n"
    )
    run_cli("ingest", str(first), db=db, check=True)
    run_cli("action", "done", "WPC-2026-11-10-01", db=db, check=True)
    run_cli("ingest", str(second), db=db, check=True)
    shown = run_cli("action", "show", "WPC-2026-11-10-01", db=db, check=True).stdout
    assert "mentioned at the meeting of 2027-01-13: 8 Staines Green" in shown
    data = json.loads(
        run_cli("digest", "--body", "Wye Parish Council", "--as-of", "2027-01-20", "--format", "json", db=db).stdout
    )
    assert [a["ref"] for o in data["owners"] for a in o["actions"]] == []
