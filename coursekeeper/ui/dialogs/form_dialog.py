"""The frame of the small record-something dialogs: text, a form, and an OK button named for the action."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.widgets.form_field import FieldWithError
from coursekeeper.ui.widgets.form_fields import ErrorLabel, date_edit, date_of, ok_cancel_buttons


class FormDialog(QDialog):
    """Fill ``self.form``, then ``lay_out``; OK is enabled only while ``_validate`` finds nothing wrong."""

    #: True for an action that cannot be taken back: Enter then means Cancel, not OK.
    destructive = False

    def __init__(self, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self._today = today or dt.date.today()
        self.form = QFormLayout()
        self._free_texts: list[FieldWithError] = []
        self._save: Callable[[], None] | None = None  # set by run_when_accepted(stay_open=True)

    def free_text(self, edit: QLineEdit | QPlainTextEdit) -> FieldWithError:
        """``edit`` with a line under it that says at once when it holds a fødselsnummer (DESIGN §6)."""
        field = FieldWithError(edit).refuse_identity_numbers()
        self._free_texts.append(field)
        return field

    def lay_out(self, ok_text: str, *above: QWidget | str) -> None:
        """``above`` (texts wrap), the form, then Cancel and the OK button called ``ok_text``."""
        self.buttons, self.ok_button = ok_cancel_buttons(
            ok_text, self.tr("Avbryt"), destructive=self.destructive
        )
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for item in above:
            if isinstance(item, str):
                item = QLabel(item)
                item.setWordWrap(True)
            layout.addWidget(item)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def _validate(self, *_args: object) -> bool:
        """Show what is wrong and enable OK when nothing is (each dialog says what to check)."""
        raise NotImplementedError

    def _on_accept(self) -> None:
        held = next((f for f in self._free_texts if f.identity_problem()), None)
        if held is not None:
            held.field.setFocus()  # its own line says why; nothing is saved
            return
        if not self._validate():
            return
        if self._save is None:
            self.accept()
        else:
            self.ok_button.setEnabled(False)
            self._save()

    def values(self) -> Any:
        """The entered values as a dataclass whose fields are the service's keyword arguments."""
        raise NotImplementedError

    def run_when_accepted(
        self,
        tasks: TaskRunner,
        service: Callable[..., Any],
        *,
        label: str,
        touches: set[str],
        on_done: Callable[[Any], None],
        stay_open: bool = False,
    ) -> None:
        """Show the dialog; once accepted, run ``service(**values())`` on the database worker.

        ``stay_open``: OK runs it while the dialog stays open, which closes once the values are
        stored; a refusal goes to ``refused`` and the dialog keeps what the user entered, so it can
        be fixed or built on the stored row (DESIGN §8).
        """

        def run(done: Callable[[Any], None], *, while_open: bool) -> None:
            tasks.run(
                functools.partial(service, **dataclasses.asdict(self.values())),
                label=label,
                touches=touches,
                on_done=done,
                on_error=self._on_refused if while_open else None,
                parent=self if while_open else self.parentWidget(),
            )

        if not stay_open:
            if self.exec() == QDialog.DialogCode.Accepted:
                run(on_done, while_open=False)
            return

        def stored(result: Any) -> None:
            self.accept()
            on_done(result)

        self._save = functools.partial(run, stored, while_open=True)
        self.exec()

    def _on_refused(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.refused(exc)

    def refused(self, exc: BaseException) -> None:
        """The service refused the save (each dialog that saves while open says it where it fits)."""
        raise NotImplementedError

    def future_date_message(self, edit: QDateEdit) -> str:
        """«Datoen kan ikke være fram i tid.» when ``edit`` is after today, else empty."""
        return self.tr("Datoen kan ikke være fram i tid.") if date_of(edit) > self._today else ""


class DatedReasonDialog(FormDialog):
    """A date (not in the future) and a required reason, e.g. for a correction or a kept deposit."""

    def __init__(self, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent, today)
        self.date = date_edit(self._today)
        self.note = QLineEdit()
        self.error = ErrorLabel()
        self.form.addRow(self.tr("&Dato:"), self.date)
        self.form.addRow(self.tr("&Begrunnelse:"), self.free_text(self.note))
        self.form.addRow("", self.error)

    def lay_out(self, ok_text: str, *above: QWidget | str) -> None:
        """As ``FormDialog.lay_out``; then check the fields as they change (quietly at first)."""
        super().lay_out(ok_text, *above)
        self.note.textChanged.connect(self._validate)
        self.date.dateChanged.connect(self._validate)
        self._validate(initial=True)

    def missing_reason(self) -> str:
        """What to say when the reason is left empty (each dialog asks for its own)."""
        raise NotImplementedError

    def _validate(self, *_args: object, initial: bool = False) -> bool:
        message = self.future_date_message(self.date)
        if not message and not self.note.text().strip() and not initial:
            message = self.missing_reason()
        ok = not message and bool(self.note.text().strip())
        self.error.show_message(message)
        self.ok_button.setEnabled(ok)
        return ok
