"""Errors that carry a message meant for the user (Norwegian), and the cancellation signal."""

from __future__ import annotations


class CourseKeeperError(Exception):
    """A refusal the user should read: the message is plain Norwegian and says what and where."""

    exit_code = 1

    def __init__(self, message: str, *, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = list(details or [])

    def __str__(self) -> str:
        if not self.details:
            return self.message
        return self.message + "\n" + "\n".join(f"  • {d}" for d in self.details)


class ValidationError(CourseKeeperError):
    """Invalid input: a value, a field or a row the user must correct."""


class NotFoundError(CourseKeeperError):
    """A course, person or other record that does not exist."""


class RuleError(CourseKeeperError):
    """A request that breaks a domain rule (illegal state change, full course, unpaid deposit)."""


class NeedsConfirmation(RuleError):
    """A step the rules allow only on purpose: the GUI asks the user, then repeats it with the flag."""


class DatabaseUnavailableError(CourseKeeperError):
    """The database could not be opened or read: not a database, too new, missing."""

    exit_code = 2


class ServerRefusedError(DatabaseUnavailableError):
    """The database server refused the connection: wrong password, disabled user, no server."""


class ChangedElsewhereError(CourseKeeperError):
    """Someone else saved the record after this form was opened; this save was refused."""


class DatabaseBusyError(CourseKeeperError):
    """Other users held the database longer than the program waits; nothing was written."""

    exit_code = 2


class ConnectionLostError(CourseKeeperError):
    """The database server could not be reached; nothing was written and the program reconnects."""

    exit_code = 2


class Cancelled(Exception):
    """Raised inside long work when the user pressed Cancel; callers roll back and stay quiet."""
