"""Refusals raised while reading a workbook: one clear Norwegian message each."""

from __future__ import annotations

from coursekeeper.errors import CourseKeeperError
from coursekeeper.i18n import tr


class UnreadableWorkbookError(CourseKeeperError):
    """The file is not a workbook CourseKeeper can read (wrong kind, damaged, missing)."""

    exit_code = 2


class PasswordProtectedError(UnreadableWorkbookError):
    """The workbook is encrypted with a password."""


class HostileWorkbookError(UnreadableWorkbookError):
    """The file looks built to exhaust memory or time (zip bomb, XML entities, far-away cells)."""


class WorkbookTooLargeError(UnreadableWorkbookError):
    """The file or sheet is over a stated size limit (bytes or rows)."""


class SheetChoiceNeeded(CourseKeeperError):
    """Several sheets hold data; the caller must ask the user which one to read."""

    def __init__(self, file_name: str, sheet_names: list[str]) -> None:
        names = ", ".join(f"«{n}»" for n in sheet_names)
        super().__init__(
            tr(
                "«{fil}» har flere ark med data ({ark}). Velg hvilket ark som skal leses.",
                fil=file_name,
                ark=names,
            )
        )
        self.file_name = file_name
        self.sheet_names = list(sheet_names)

    def __reduce__(self) -> tuple[type[SheetChoiceNeeded], tuple[str, list[str]]]:
        # Sent back from the reading child process: rebuilt from its two arguments.
        return SheetChoiceNeeded, (self.file_name, self.sheet_names)
