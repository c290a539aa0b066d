"""Ny person / Endre person: every field of a person, checked by the service as an import checks it."""

from __future__ import annotations

import functools

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from coursekeeper.domain.dates import format_date
from coursekeeper.errors import ChangedElsewhereError
from coursekeeper.services import municipalities, people
from coursekeeper.services.people import PersonFieldsError, PersonInput
from coursekeeper.services.person_overview import PersonDetails, municipality_choice, person_details
from coursekeeper.services.phone_display import display_phone
from coursekeeper.ui import stale_form
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.widgets.form_field import FieldWithError
from coursekeeper.ui.widgets.form_fields import FormErrorLabel, municipality_combo, ok_cancel_buttons


def save_person(person_id: int | None, data: PersonInput) -> int:
    """Worker side: create the person, or change them unless someone saved since ``data.version``."""
    if person_id is None:
        return people.create_person(data).id
    return people.update_person(person_id, data).id


def shown_texts(d: PersonDetails) -> dict[str, str]:
    """Each field's text as the form shows the stored person."""
    return {
        "first_name": d.first_name,
        "last_name": d.last_name,
        "birth_date": format_date(d.birth_date) if d.birth_date else "",
        "email": d.email,
        "phone": display_phone(d.phone),
        "address": d.address,
        "postal_code": d.postal_code,
        "city": d.city,
        "municipality": municipality_choice(d),
    }


class PersonDialog(QDialog):
    """Create a person, or edit one (``details`` given); ``saved(person_id)`` once stored."""

    saved = Signal(int)

    def __init__(
        self, tasks: TaskRunner, details: PersonDetails | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.details = details
        self._opened: dict[str, object] = {}  # what the form showed when filled from the database
        self.setWindowTitle(self.tr("Endre person") if details else self.tr("Ny person"))
        self.setMinimumWidth(600)
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText(self.tr("dd.mm.åååå"))
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("for eksempel 912 34 567"))
        self.address = QLineEdit()
        self.postal_code = QLineEdit()
        self.city = QLineEdit()
        self.municipality = municipality_combo(municipalities.all_names())
        self.fields = {
            name: FieldWithError(widget)
            for name, widget in (
                ("first_name", self.first_name),
                ("last_name", self.last_name),
                ("birth_date", self.birth_date),
                ("email", self.email),
                ("phone", self.phone),
                ("address", self.address),
                ("postal_code", self.postal_code),
                ("city", self.city),
                ("municipality", self.municipality),
            )
        }
        form = QFormLayout()
        for name, label in (
            ("first_name", self.tr("&Fornavn:")),
            ("last_name", self.tr("&Etternavn:")),
            ("birth_date", self.tr("Fø&dselsdato:")),
            ("email", self.tr("E-&post:")),
            ("phone", self.tr("&Telefon:")),
            ("address", self.tr("&Adresse:")),
            ("postal_code", self.tr("Post&nummer:")),
            ("city", self.tr("Posts&ted:")),
            ("municipality", self.tr("&Kommune:")),
        ):
            form.addRow(label, self.fields[name])
        note = QLabel(self.tr("Fødselsnummer skal ikke registreres, bare fødselsdatoen."))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        self.form_error = FormErrorLabel()
        ok_text = self.tr("Lagre endringer") if details else self.tr("Opprett person")
        self.buttons, self.ok_button = ok_cancel_buttons(ok_text, self.tr("Avbryt"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.form_error)
        layout.addWidget(self.buttons)
        if details:
            self._fill(details)
        self.first_name.setFocus()

    def _fill(self, d: PersonDetails) -> None:
        texts = shown_texts(d)
        self.municipality.setCurrentText(texts.pop("municipality"))
        for name, text in texts.items():
            self.fields[name].field.setText(text)  # type: ignore[attr-defined]
        self._opened = stale_form.snapshot(self.fields)

    def typed(self) -> dict[str, str]:
        """Each field's text as the user left it."""
        texts = {n: f.field.text() for n, f in self.fields.items() if f.field is not self.municipality}  # type: ignore[attr-defined]
        texts["municipality"] = self.municipality.currentText()
        return texts

    def values(self) -> PersonInput:
        """What the user typed, unchecked (the service checks it), on the version the form was filled from."""
        return PersonInput(**self.typed(), version=self.details.version if self.details else None)

    def save(self) -> None:
        """Store on the database worker; what is wrong is shown at its field and the dialog stays."""
        for field in self.fields.values():
            field.set_error(None)
        self.form_error.show_message("")
        self.ok_button.setEnabled(False)
        self.tasks.run(
            functools.partial(save_person, self.details.id if self.details else None, self.values()),
            label=self.tr("Lagrer personen …"),
            touches={"people"},
            on_done=self._on_saved,
            on_error=self._on_error,
            parent=self,
        )

    def _on_saved(self, person_id: int) -> None:
        self.ok_button.setEnabled(True)
        self.saved.emit(person_id)
        self.accept()

    def _on_error(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, PersonFieldsError):
            for name, text in exc.fields.items():
                self.fields[name].set_error(text)
            self.fields[next(iter(exc.fields))].setFocus()
            return
        self.form_error.show_refusal(exc)
        if isinstance(exc, ChangedElsewhereError) and self.details is not None:
            stale_form.offer_stored(
                self,
                self.tasks,
                exc,
                load=functools.partial(person_details, self.details.id),
                label=self.tr("Henter personen …"),
                show=functools.partial(self._show_stored, exc.message),
            )

    def _show_stored(self, conflict: str, stored: PersonDetails) -> None:
        """Show ``stored`` where the user changed nothing, keep the user's changes; build on its version."""
        self.details = stored
        stale_form.build_on_stored(self.fields, self._opened, functools.partial(self._fill, stored))
        self.form_error.show_message(stale_form.built_on_stored(conflict))
