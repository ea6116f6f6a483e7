"""Send a message over SMTP with the configured server; the password never reaches a log or an error."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage


def _login(server: smtplib.SMTP, user: str, password: str) -> None:
    """One attempt, with PLAIN where offered: a refused password is reported at once, not retried."""
    server.ehlo_or_helo_if_needed()
    mechanisms = server.esmtp_features.get("auth", "").upper().split()
    if "PLAIN" in mechanisms:
        server.user, server.password = user, password
        server.auth("PLAIN", server.auth_plain, initial_response_ok=True)
        return
    server.login(user, password)


class MailError(Exception):
    """Sending failed; the message says why without the password."""


def send(message: EmailMessage, settings: dict) -> None:
    host, port, security = settings["host"], settings["port"], settings["security"]
    if settings.get("user") and not settings.get("_host_ok", True):
        raise MailError(
            f"not sending the SMTP password to {host}:{port}: that server is named by {settings.get('_file')}, "
            "not your own settings; name it in MINUTES_SMTP_HOST or your own minutes.toml"
        )
    if settings.get("user") and security not in ("ssl", "starttls") and not settings.get("_plain_ok", True):
        raise MailError(
            f"not sending the SMTP password to {host}:{port} without TLS: security = {security!r} comes from "
            f"{settings.get('_file')}, not your own settings; set security there to starttls or ssl, or choose "
            "'none' yourself (MINUTES_SMTP_SECURITY or your own minutes.toml)"
        )
    try:
        if security == "ssl":
            server = smtplib.SMTP_SSL(host, port, context=ssl.create_default_context(), timeout=30)
        else:
            server = smtplib.SMTP(host, port, timeout=30)
        with server:
            if security == "starttls":
                server.ehlo()
                if not server.has_extn("starttls"):
                    raise MailError(
                        f"could not send through {host}:{port}: the server offers no STARTTLS; for a server that "
                        'needs none set MINUTES_SMTP_SECURITY=none (or security = "none" in minutes.toml), '
                        "else ssl for one on port 465"
                    )
                server.starttls(context=ssl.create_default_context())
            if settings.get("user"):
                _login(server, settings["user"], settings.get("password") or "")
            server.send_message(message)
    except smtplib.SMTPAuthenticationError as err:
        raise MailError(
            f"the SMTP server at {host}:{port} refused the login for {settings.get('user')} ({err.smtp_code})"
        ) from None
    except (smtplib.SMTPException, OSError) as err:
        raise MailError(f"could not send through {host}:{port} ({type(err).__name__}: {err})") from None
