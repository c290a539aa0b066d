"""A save refused because someone else saved first (DESIGN §8): the one way every form answers it.

The form keeps what the user typed. It asks whether to fetch what is stored now; if so, the form
builds its next save on the stored version and shows, under each field where the stored value
differs, «Lagret nå: …». Saving again then deliberately writes over the colleague's change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

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
