"""Signing in to a shared PostgreSQL server: the URL with the staff member's own user and password.

The password may be kept in the operating system's credential store (``keyring``), never in a
file; the user name is remembered by the program's settings. A refusal by the server, at sign-in
or later, becomes one Norwegian sentence.
"""

from __future__ import annotations

import contextlib
import logging
from urllib.parse import quote, urlsplit, urlunsplit

from coursekeeper.errors import CourseKeeperError, RuleError
from coursekeeper.i18n import tr

logger = logging.getLogger(__name__)

KEYRING_SERVICE = "CourseKeeper database"
#: SQLSTATE code: no such privilege (GRANT or row-level security).
NOT_PERMITTED = "42501"


def needs_login(url: str) -> bool:
    """True for a server URL that carries no password (each staff member signs in)."""
    parts = urlsplit(url)
    return parts.scheme in ("postgres", "postgresql") and not parts.password


def user_in(url: str) -> str:
    """The user name written in the URL, or empty text."""
    return urlsplit(url).username or ""


def with_login(url: str, user: str, password: str) -> str:
    """``url`` with this user and password in it."""
    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    host = f"{host}:{parts.port}" if parts.port else host
    netloc = f"{quote(user, safe='')}:{quote(password, safe='')}@{host}"
    return urlunsplit(parts._replace(netloc=netloc))


def _account(url: str, user: str) -> str:
    parts = urlsplit(url)
    return f"{user}@{parts.hostname or 'localhost'}{parts.path}"


def credential_store_available() -> bool:
    """True when the operating system offers a credential store to keep the password in."""
    import keyring

    return keyring.get_keyring().priority > 0


def saved_password(url: str, user: str) -> str | None:
    """The password saved for this user on this server, or None (none saved, or no store)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, _account(url, user))
    except KeyringError as exc:
        logger.info("No credential store for the server password: %s", exc)
        return None


def remember_password(url: str, user: str, password: str | None) -> None:
    """Save (or, with None, forget) the password in the credential store; never in a file."""
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    if not password and not credential_store_available():
        return  # nothing can have been saved, so there is nothing to forget
    try:
        if password:
            keyring.set_password(KEYRING_SERVICE, _account(url, user), password)
        else:
            with contextlib.suppress(PasswordDeleteError):
                keyring.delete_password(KEYRING_SERVICE, _account(url, user))
    except KeyringError as exc:
        raise CourseKeeperError(
            tr("Operativsystemets passordlager er ikke tilgjengelig, så passordet kan ikke lagres.")
        ) from exc


def _sqlstate(exc: BaseException) -> str | None:
    seen: BaseException | None = exc
    while seen is not None:
        state = getattr(seen, "sqlstate", None)
        if state:
            return str(state)
        seen = seen.__cause__ or seen.__context__
    return None


def as_refusal(exc: BaseException, *, writing: bool = True) -> BaseException:
    """The server's "permission denied" as one Norwegian sentence; any other error unchanged.

    ``writing`` False: the refused work only read, so the sentence does not speak of saving.
    """
    if _sqlstate(exc) != NOT_PERMITTED:
        return exc
    refusal = RuleError(
        tr(
            "Databasen avviste handlingen: brukeren din har ikke tilgang til dette. "
            "Be en administrator om riktig rolle. Ingenting er lagret."
        )
        if writing
        else tr(
            "Databasen viser ikke dette til brukeren din: rollen din har ikke tilgang. "
            "Be en administrator om riktig rolle."
        )
    )
    refusal.__cause__ = exc
    return refusal
