"""Slå sammen med …: find the other record of the same person by name, e-mail, phone or birth date."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from coursekeeper.services.person_overview import PersonListRow
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.widgets.form_fields import ok_cancel_buttons
from coursekeeper.ui.widgets.people_list import PeopleList
from coursekeeper.ui.widgets.search_field import SearchField


class PickPersonDialog(QDialog):
    """Everyone but ``person_id``, searched as you type; ``chosen()`` after OK."""

    def __init__(self, tasks: TaskRunner, person_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Slå sammen med …"))
        self.resize(900, 560)
        text = QLabel(
            self.tr("Velg den andre registreringen av %1. Etterpå velger du hva som skal beholdes.").replace(
                "%1", name
            )
        )
        text.setWordWrap(True)
        self.search = SearchField(self.tr("Søk etter navn, e-post, telefon eller fødselsdato"))
        self.people = PeopleList(tasks, leave_out=person_id)
        self.search.search.connect(self.people.set_search)
        self.people.table.activated.connect(self._on_activated)
        self.buttons, self.ok_button = ok_cancel_buttons(self.tr("Velg"), self.tr("Avbryt"))
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        self.people.table.selectionModel().selectionChanged.connect(self._update_ok)
        self.people.model.modelReset.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.search)
        layout.addWidget(self.people, 1)
        layout.addWidget(self.buttons)
        self.people.reload()
        self._update_ok()
        self.search.setFocus()

    def _update_ok(self, *_args: object) -> None:
        self.ok_button.setEnabled(self.chosen() is not None)

    def chosen(self) -> PersonListRow | None:
        """The selected person, or None."""
        return self.people.table.current_row()

    def _on_activated(self, *_args: object) -> None:
        self._on_ok()

    def _on_ok(self) -> None:
        if self.chosen() is not None:
            self.accept()
