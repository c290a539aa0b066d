"""Add a person to a course: search the people who exist first, or create a new one."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coursekeeper.domain.dates import format_date, parse_date
from coursekeeper.errors import CourseKeeperError, ValidationError
from coursekeeper.services import enrolments, municipalities, people
from coursekeeper.services.course_overview import CourseHeader
from coursekeeper.services.people import PersonInput, PersonRow
from coursekeeper.ui import messages
from coursekeeper.ui.table_models import Column, RowTableModel
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.widgets.form_field import FieldWithError
from coursekeeper.ui.widgets.form_fields import FormErrorLabel
from coursekeeper.ui.widgets.search_field import SearchField
from coursekeeper.ui.widgets.table_view import RowTableView


@dataclass(frozen=True)
class EnrolOutcome:
    """What adding did: the enrolment and, when accepting right away, the message to show."""

    enrolment_id: int
    message: str


def enrol_person(
    course_id: int, person_id: int | None, new_person: PersonInput | None, accept_now: bool
) -> EnrolOutcome:
    """Worker side: create the person when new, enrol, and accept right away if asked."""
    if person_id is None:
        assert new_person is not None
        person_id = people.create_person(new_person).id
    enrolment = enrolments.enrol(course_id=course_id, person_id=person_id, source="typed")
    message = ""
    if accept_now:
        result = enrolments.accept(enrolment.id)
        message = result.message if result.waitlisted_instead else ""
    return EnrolOutcome(enrolment.id, message)


def _facts(row: PersonRow) -> str:
    return ", ".join(x for x in (format_date(row.birth_date), row.email, row.municipality) if x)


class AddPersonDialog(QDialog):
    """Search, pick or create, enrol; ``enrolled(enrolment_id, message)`` when done."""

    enrolled = Signal(int, str)

    def __init__(self, tasks: TaskRunner, course: CourseHeader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.course = course
        self.setWindowTitle(self.tr("Legg til person på «%1»").replace("%1", course.title))
        self.setMinimumSize(760, 620)

        self.search = SearchField(self.tr("Søk på navn, e-post, telefon eller fødselsdato"))
        self.search.search.connect(self._search)
        self.model: RowTableModel[PersonRow] = RowTableModel(
            [
                Column(self.tr("Navn"), lambda r: r.full_name, stretch=True),
                Column(self.tr("Født"), lambda r: r.birth_date),
                Column(self.tr("E-post"), lambda r: r.email),
                Column(self.tr("Telefon"), lambda r: r.phone),
                Column(self.tr("Kommune"), lambda r: r.municipality),
            ],
            self,
        )
        self.results = RowTableView()
        self.results.setModel(self.model)
        self.results.activated.connect(self.enrol_selected)
        self.results.setMinimumHeight(160)
        self.hint = QLabel(self.tr("Søk først, så du ikke lager samme person to ganger."))
        self.hint.setWordWrap(True)
        self.pick_button = QPushButton(self.tr("Meld på valgt person"))
        self.pick_button.clicked.connect(self.enrol_selected)
        existing = QGroupBox(self.tr("1. Finnes personen allerede?"))
        ev = QVBoxLayout(existing)
        ev.addWidget(self.search)
        ev.addWidget(self.results, 1)
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.pick_button)
        ev.addLayout(row)

        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText(self.tr("dd.mm.åååå"))
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.municipality = QLineEdit()
        completer = QCompleter(municipalities.all_names(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.municipality.setCompleter(completer)
        self.fields = {
            "first_name": FieldWithError(self.first_name),
            "last_name": FieldWithError(self.last_name),
            "birth_date": FieldWithError(self.birth_date),
            "email": FieldWithError(self.email),
            "phone": FieldWithError(self.phone),
            "municipality": FieldWithError(self.municipality),
        }
        self.create_button = QPushButton(self.tr("Opprett og meld på"))
        self.create_button.clicked.connect(self.create_and_enrol)
        new = QGroupBox(self.tr("2. Eller opprett en ny person"))
        form = QFormLayout(new)
        form.addRow(self.tr("&Fornavn:"), self.fields["first_name"])
        form.addRow(self.tr("&Etternavn:"), self.fields["last_name"])
        form.addRow(self.tr("Fø&dselsdato:"), self.fields["birth_date"])
        form.addRow(self.tr("E-&post:"), self.fields["email"])
        form.addRow(self.tr("&Telefon:"), self.fields["phone"])
        form.addRow(self.tr("&Kommune:"), self.fields["municipality"])
        create_row = QHBoxLayout()
        create_row.addStretch(1)
        create_row.addWidget(self.create_button)
        form.addRow("", create_row)

        self.accept_now = QCheckBox(self.tr("Ta opp på kurset med en gang (venteliste hvis fullt)"))
        if course.screening_required:
            self.accept_now.setEnabled(False)
            self.accept_now.setToolTip(self.tr("Kurset krever egnethetsvurdering før opptak."))
        self.form_error = FormErrorLabel()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Lukk"))
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(existing, 1)
        layout.addWidget(new)
        layout.addWidget(self.accept_now)
        layout.addWidget(self.form_error)
        layout.addWidget(close)
        for a, b in (
            (self.search, self.results),
            (self.results, self.pick_button),
            (self.pick_button, self.first_name),
            (self.first_name, self.last_name),
            (self.last_name, self.birth_date),
            (self.birth_date, self.email),
            (self.email, self.phone),
            (self.phone, self.municipality),
            (self.municipality, self.create_button),
            (self.create_button, self.accept_now),
        ):
            QWidget.setTabOrder(a, b)
        self.search.setFocus()

    def _search(self, text: str) -> None:
        if not text.strip():
            self.model.set_rows([])
            return
        self.tasks.run(
            functools.partial(people.search_people, text, limit=200),
            label=self.tr("Søker …"),
            on_done=self._on_results,
            parent=self,
        )

    def _on_results(self, rows: list[PersonRow]) -> None:
        self.model.set_rows(rows)
        if rows:
            self.results.selectRow(0)
            self.hint.setText(
                self.tr("%n treff. Velg personen og trykk «Meld på valgt person».", "", len(rows))
            )
        else:
            self.hint.setText(self.tr("Ingen treff. Opprett personen nedenfor."))

    def enrol_selected(self, *_args: object) -> None:
        """Enrol the person chosen in the search results."""
        row = self.model.row_at(self.results.currentIndex())
        if row is None:
            self.form_error.show_message(self.tr("Velg en person i listen først."))
            return
        self._enrol(row.id, None)

    def create_and_enrol(self) -> None:
        """Create the person from the form and enrol them."""
        for field in self.fields.values():
            field.set_error(None)
        errors = {}
        first, last = self.first_name.text().strip(), self.last_name.text().strip()
        if not first:
            errors["first_name"] = self.tr("Skriv fornavnet.")
        if not last:
            errors["last_name"] = self.tr("Skriv etternavnet.")
        birth = None
        if self.birth_date.text().strip():
            try:
                birth = parse_date(self.birth_date.text())
            except ValidationError:
                errors["birth_date"] = self.tr("Skriv datoen som dd.mm.åååå, for eksempel 09.04.1985.")
        if self.municipality.text().strip():
            try:
                municipalities.registry().resolve(self.municipality.text())
            except CourseKeeperError as exc:
                errors["municipality"] = exc.message
        email = self.email.text().strip()
        if email and ("@" not in email or "." not in email.split("@")[-1]):
            errors["email"] = self.tr("Ugyldig e-postadresse.")
        for key, text in errors.items():
            self.fields[key].set_error(text)
        if errors:
            self.fields[next(k for k in self.fields if k in errors)].field.setFocus()
            return
        data = PersonInput(
            first,
            last,
            birth,
            email or None,
            self.phone.text().strip() or None,
            municipality=self.municipality.text().strip() or None,
        )
        self.tasks.run(
            functools.partial(people.search_people, f"{first} {last}", limit=5),
            label=self.tr("Søker …"),
            on_done=functools.partial(self._create_unless_duplicate, data),
            parent=self,
        )

    def _create_unless_duplicate(self, data: PersonInput, same_name: list[PersonRow]) -> None:
        """Ask before creating a second person with a name that is already registered."""
        if same_name:
            listing = "\n".join(f"• {r.full_name} ({_facts(r)})" for r in same_name)
            if not messages.confirm(
                self,
                self.tr("Finnes personen allerede?"),
                self.tr(
                    "Disse personene er allerede registrert med samme navn:\n%1\n\n"
                    "Opprette en ny person likevel?"
                ).replace("%1", listing),
                self.tr("Opprett ny person"),
            ):
                self.model.set_rows(same_name)
                self.results.selectRow(0)
                self.hint.setText(self.tr("Velg personen i listen og trykk «Meld på valgt person»."))
                return
        self._enrol(None, data)

    def _enrol(self, person_id: int | None, data: PersonInput | None) -> None:
        self.form_error.hide()
        self.setEnabled(False)
        self.tasks.run(
            functools.partial(enrol_person, self.course.id, person_id, data, self.accept_now.isChecked()),
            label=self.tr("Melder på …"),
            touches={"enrolments", "people", "courses"},
            on_done=self._on_done,
            on_error=self._on_error,
            parent=self,
        )

    def _on_done(self, outcome: EnrolOutcome) -> None:
        self.setEnabled(True)
        self.enrolled.emit(outcome.enrolment_id, outcome.message)
        self.accept()

    def _on_error(self, exc: BaseException) -> None:
        self.setEnabled(True)
        self.form_error.show_refusal(exc)
