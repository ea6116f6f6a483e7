"""Settings in one place: minutes.toml beside the database or in the user's config folder,
then environment variables, then command-line options (which the CLI applies)."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any

ENV_PREFIX = "MINUTES_"
SECURITY = ("starttls", "ssl", "none")  # anything else is a typo that must not mean 'no encryption'


def config_paths(db_path: str | None) -> list[Path]:
    from platformdirs import user_config_dir

    paths = []
    if os.environ.get("MINUTES_CONFIG"):
        paths.append(Path(os.environ["MINUTES_CONFIG"]))
    if db_path and "://" not in db_path:  # beside a SQLite file; a PostgreSQL URL has no folder
        paths.append(Path(db_path).resolve().parent / "minutes.toml")
    paths.append(Path.cwd() / "minutes.toml")
    paths.append(Path(user_config_dir("minutes")) / "minutes.toml")
    return paths


def load(db_path: str | None = None) -> dict[str, Any]:
    """The first minutes.toml found, as a dict; empty when there is none."""
    for path in config_paths(db_path):
        if path.is_file():
            with path.open("rb") as handle:
                data = tomllib.load(handle)
            data["_path"] = str(path)
            return data
    return {}


def apply_defaults() -> dict[str, Any]:
    """Settings from the user's minutes.toml that commands read before a database is chosen.

    `database` names the SQLite file when neither --db nor MINUTES_DB does; `templates` names the
    folder of an officer's edited templates when MINUTES_TEMPLATES does not.
    """
    settings = load(None)
    if settings.get("templates") and not os.environ.get("MINUTES_TEMPLATES"):
        os.environ["MINUTES_TEMPLATES"] = str(Path(settings["templates"]).expanduser())
    if settings.get("database") and "://" not in settings["database"]:
        settings["database"] = str(Path(settings["database"]).expanduser())
    return settings


def own_config(path: str | None) -> bool:
    """Whether a settings file is the user's own (MINUTES_CONFIG, or their config folder), not one lying in a
    shared folder beside a database or in the current folder, which anyone with access could have put there."""
    from platformdirs import user_config_dir

    if not path:
        return False
    own = [Path(user_config_dir("minutes")) / "minutes.toml"]
    if os.environ.get("MINUTES_CONFIG"):
        own.append(Path(os.environ["MINUTES_CONFIG"]))
    return Path(path).resolve() in {p.resolve() for p in own}


def smtp_settings(db_path: str | None = None) -> dict[str, Any]:
    """SMTP host, port, security, user, password and sender: config file, overridden by MINUTES_SMTP_*.

    `_file` names the settings file in use; `_plain_ok` says whether the user's own settings (the
    environment or their own file) chose a connection without TLS, the only way a password may go over one."""
    loaded = load(db_path)
    settings = dict(loaded.get("smtp", {}))
    chosen_here = {key for key in settings}
    for key in ("host", "port", "security", "user", "password", "from"):
        value = os.environ.get(f"{ENV_PREFIX}SMTP_{key.upper()}")
        if value is not None:
            settings[key] = value
            chosen_here.discard(key)
    settings["_file"] = loaded.get("_path")
    own = own_config(loaded.get("_path"))
    settings["_plain_ok"] = "security" not in chosen_here or own
    # a password from the environment goes only to a server the officer's own settings name
    settings["_host_ok"] = own or not ({"host", "port"} & chosen_here) or "password" in chosen_here
    settings.setdefault("host", "localhost")
    security = str(settings.get("security", "starttls")).lower()
    if security not in SECURITY:
        raise ValueError(f"SMTP security must be one of {', '.join(SECURITY)}, not {security!r}")
    settings["security"] = security
    settings["port"] = int(settings.get("port") or {"ssl": 465, "starttls": 587}.get(security, 25))
    return settings


def addresses(db_path: str | None = None) -> dict[str, str]:
    """Owners' email addresses, from the [addresses] table: "Tony Burton" = "tony.burton@example.org", names as
    written there."""
    return dict(load(db_path).get("addresses", {}))


_SECRET = re.compile(r"PASSWORD|SECRET|TOKEN|_KEY$|^MINUTES_SMTP_", re.I)


def child_environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment a child program (Datasette, LibreOffice, Tesseract) runs with: this one without its
    secrets, so a program started for a page or a scan never sees the SMTP password."""
    env = {k: v for k, v in os.environ.items() if not _SECRET.search(k)}
    env.update(extra or {})
    return env
