"""A save refused because someone else saved first (DESIGN §8): the one way every form answers it.

The form keeps what the user typed. It asks whether to fetch what is stored now; if so, every field
the user left alone since the form was filled takes the stored value (the colleague's change stands),
and each field the user changed keeps the typing, with «Lagret nå: …» under it where the stored value
differs. Saving again writes the user's changes on top of the colleague's, never the stale values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from coursekeeper.errors import ChangedElsewhereError
from coursekeeper.ui import messages
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.widgets.form_field import FieldWithError


def offer_stored(
    form: QWidget,
    tasks: TaskRunner,
    exc: ChangedElsewhereError,
    *,
    load: Callable[[], Any],
    label: str,
    show: Callable[[Any], None],
    touches: Iterable[str] = (),
) -> None:
    """Say who saved in between; if the user wants it, ``load`` the stored row on the worker, ``show`` it.

    ``touches``: the areas loading writes to (opening a screening logs that the notes were read).
    """
    question = QCoreApplication.translate(
        "StaleForm",
        "Vil du hente det som er lagret nå? Det du har skrevet, blir stående, og der det lagrede er "
        "annerledes, står det som er lagret.",
    )
    title = QCoreApplication.translate("StaleForm", "Endret av en annen")
    ok_text = QCoreApplication.translate("StaleForm", "Hent det lagrede")
    if messages.confirm(form, title, exc.message + "\n\n" + question, ok_text):
        tasks.run(load, label=label, touches=touches, on_done=show, parent=form)


def mark_stored(fields: Mapping[str, FieldWithError], stored: Mapping[str, str]) -> None:
    """Under each field named in ``stored`` (those that differ from what was typed): «Lagret nå: …»."""
    for key, text in stored.items():
        fields[key].set_error(
            QCoreApplication.translate("StaleForm", "Lagret nå: %1").replace("%1", text or "–")
        )


def snapshot(fields: Mapping[str, FieldWithError]) -> dict[str, object]:
    """What each field holds now; taken when a form is filled from the database."""
    return {key: _state(field.field) for key, field in fields.items()}


def build_on_stored(
    fields: Mapping[str, FieldWithError], opened: Mapping[str, object], fill: Callable[[], None]
) -> None:
    """``fill`` the form from the stored row, then put back each field the user changed since ``opened``.

    A field the user left alone shows the stored value (a colleague's change there stands, nothing to
    mark); a changed field keeps the typing, with «Lagret nå: …» under it where the stored value differs.
    """
    typed = snapshot(fields)
    fill()
    stored_texts = {}
    for key, field in fields.items():
        if typed[key] != opened[key] and typed[key] != _state(field.field):
            stored_texts[key] = _shown(field.field)
            _restore(field.field, typed[key])
    mark_stored(fields, stored_texts)


def _state(widget: QWidget) -> object:
    """What one input widget holds, comparable and fit for ``_restore``."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    return widget.state()  # type: ignore[attr-defined]  # a composite field (the sessions table)


def _restore(widget: QWidget, state: object) -> None:
    """Put back what ``_state`` read."""
    if isinstance(widget, QLineEdit):
        widget.setText(str(state))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(str(state))
    elif isinstance(widget, QComboBox):
        widget.setCurrentText(str(state))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(state))  # type: ignore[call-overload]
    elif isinstance(widget, QAbstractButton):
        widget.setChecked(bool(state))
    else:
        widget.set_state(state)  # type: ignore[attr-defined]


def _shown(widget: QWidget) -> str:
    """What one input widget holds, as a short text for «Lagret nå: …»."""
    if isinstance(widget, QPlainTextEdit):
        return ", ".join(line.strip() for line in widget.toPlainText().splitlines() if line.strip())
    if isinstance(widget, QAbstractButton):
        return (
            QCoreApplication.translate("StaleForm", "krysset av")
            if widget.isChecked()
            else QCoreApplication.translate("StaleForm", "ikke krysset av")
        )
    if isinstance(widget, QLineEdit | QSpinBox):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    return widget.shown()  # type: ignore[attr-defined]


def differences(typed: Mapping[str, str], stored: Mapping[str, str]) -> dict[str, str]:
    """The stored texts of the fields whose text differs from what was typed."""
    return {key: text for key, text in stored.items() if typed.get(key, "").strip() != text.strip()}


def built_on_stored(conflict: str) -> str:
    """The note above the buttons once a form builds on the stored version."""
    return (
        conflict
        + "\n"
        + QCoreApplication.translate(
            "StaleForm",
            "Skjemaet bygger nå på det lagrede. Lagre igjen for å skrive over med det du har skrevet.",
        )
    )
