"""Create or edit a course: every field of the form, with validation next to the field."""

from __future__ import annotations

import functools

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coursekeeper.domain.dates import format_date, parse_date
from coursekeeper.domain.hours import hours_text
from coursekeeper.domain.money import format_kr, parse_kr
from coursekeeper.errors import ChangedElsewhereError, CourseKeeperError, NeedsConfirmation, ValidationError
from coursekeeper.services import course_overview, courses, municipalities, organisations
from coursekeeper.services.courses import CourseInput
from coursekeeper.ui import labels, messages, stale_form
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.widgets.form_field import FieldWithError
from coursekeeper.ui.widgets.form_fields import FormErrorLabel, ok_cancel_buttons
from coursekeeper.ui.widgets.sessions_table import SessionsTable

STATUSES = ("planned", "open", "running", "finished", "cancelled")


class CourseDialog(QDialog):
    """The course form; ``saved(course_id)`` after the worker stored it."""

    saved = Signal(int)

    def __init__(self, tasks: TaskRunner, course_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.course_id = course_id
        self._loaded: CourseInput | None = None
        self._opened: dict[str, object] = {}  # what the form showed when filled from the database
        self.setWindowTitle(self.tr("Nytt kurs") if course_id is None else self.tr("Rediger kurs"))
        self.setMinimumWidth(1000)

        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("F.eks. Treningskontaktkurs Øygarden 2026"))
        self.municipality = QLineEdit()
        self.municipality.setPlaceholderText(self.tr("Begynn å skrive, velg fra listen"))
        completer = QCompleter(municipalities.all_names(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.municipality.setCompleter(completer)
        self.venue = QLineEdit()
        self.co_organisers = QPlainTextEdit()
        self.co_organisers.setTabChangesFocus(True)
        self.co_organisers.setFixedHeight(64)
        partners = organisations.partner_names()
        self.co_organisers.setPlaceholderText(
            self.tr("Én per linje, for eksempel Helse Bergen")
            + ("\n" + ", ".join(partners[:3]) if partners else "")
        )
        self.status = QComboBox()
        for code in STATUSES:
            self.status.addItem(labels.course_status(code), code)
        self.capacity = QSpinBox()
        self.capacity.setRange(1, 1000)
        self.capacity.setValue(30)
        self.deposit = QLineEdit(format_kr(100_000, suffix=False))
        self.deposit_waived = QCheckBox(self.tr("Ingen egenandel på dette kurset"))
        self.binding_date = QLineEdit()
        self.binding_date.setPlaceholderText(self.tr("dd.mm.åååå (tomt: ikke bindende)"))
        self.required_hours = QLineEdit()
        self.required_hours.setPlaceholderText(self.tr("tomt: alle timene"))
        self.screening_required = QCheckBox(self.tr("Søkere må vurderes som egnet før de tas opp"))
        self.screening_required.setChecked(True)
        self.topics = QPlainTextEdit()
        self.topics.setTabChangesFocus(True)
        self.topics.setFixedHeight(80)
        self.topics.setPlaceholderText(self.tr("Ett tema per linje (skrives på kursbeviset)"))
        self.sessions = SessionsTable()

        f = self.fields = {
            "title": FieldWithError(self.title),
            "municipality": FieldWithError(self.municipality),
            "venue": FieldWithError(self.venue),
            "co_organisers": FieldWithError(self.co_organisers),
            "status": FieldWithError(self.status),
            "capacity": FieldWithError(self.capacity),
            "deposit": FieldWithError(self.deposit),
            "deposit_waived": FieldWithError(self.deposit_waived),
            "binding_date": FieldWithError(self.binding_date),
            "required_hours": FieldWithError(self.required_hours),
            "screening_required": FieldWithError(self.screening_required),
            "topics": FieldWithError(self.topics),
            "sessions": FieldWithError(self.sessions),
        }
        for key in _FREE_TEXT:
            f[key].refuse_identity_numbers()
        about, form = _form_box(self.tr("Kurset"))
        form.addRow(self.tr("&Tittel:"), f["title"])
        form.addRow(self.tr("&Vertskommune:"), f["municipality"])
        form.addRow(self.tr("&Sted:"), f["venue"])
        form.addRow(self.tr("Sa&marbeidspartnere:"), f["co_organisers"])
        form.addRow(self.tr("Stat&us:"), f["status"])
        form.addRow(self.tr("T&emaer:"), f["topics"])

        rules, rform = _form_box(self.tr("Plasser og egenandel"))
        rform.addRow(self.tr("&Plasser:"), f["capacity"])
        rform.addRow(self.tr("&Egenandel (kr):"), f["deposit"])
        rform.addRow("", f["deposit_waived"])
        rform.addRow(self.tr("&Bindende fra:"), f["binding_date"])
        rform.addRow(self.tr("Påkrevde t&imer:"), f["required_hours"])
        rform.addRow("", f["screening_required"])

        days = QGroupBox(self.tr("Økter"))
        QVBoxLayout(days).addWidget(f["sessions"])

        self.form_error = FormErrorLabel()
        self.buttons, _ = ok_cancel_buttons(
            self.tr("Lagre"), self.tr("Avbryt"), QDialogButtonBox.StandardButton.Save
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        grid = QGridLayout()
        grid.addWidget(about, 0, 0, 2, 1)
        grid.addWidget(rules, 0, 1)
        grid.addWidget(days, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.form_error)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        for a, b in (
            (self.title, self.municipality),
            (self.municipality, self.venue),
            (self.venue, self.co_organisers),
            (self.co_organisers, self.status),
            (self.status, self.topics),
            (self.topics, self.capacity),
            (self.capacity, self.deposit),
            (self.deposit, self.deposit_waived),
            (self.deposit_waived, self.binding_date),
            (self.binding_date, self.required_hours),
            (self.required_hours, self.screening_required),
            (self.screening_required, self.sessions.table),
            (self.sessions.table, self.sessions.add_button),
            (self.sessions.add_button, self.sessions.remove_button),
        ):
            QWidget.setTabOrder(a, b)
        self.deposit_waived.toggled.connect(self._on_waived)

        if course_id is None:
            self.sessions.add_row()
        else:
            self.setEnabled(False)
            tasks.run(
                functools.partial(course_overview.course_input, course_id),
                label=self.tr("Henter kurset …"),
                on_done=self._fill,
                parent=self,
            )
        self.title.setFocus()

    def _on_waived(self, waived: bool) -> None:
        self.deposit.setEnabled(not waived)

    def _fill(self, data: CourseInput) -> None:
        self.title.setText(data.title)
        self.municipality.setText(data.municipality or "")
        self.venue.setText(data.venue)
        self.co_organisers.setPlainText("\n".join(data.co_organisers))
        self.status.setCurrentIndex(max(self.status.findData(data.status), 0))
        self.capacity.setValue(data.capacity)
        self.deposit.setText(format_kr(data.deposit_ore, suffix=False))
        self.deposit_waived.setChecked(data.deposit_waived)
        self.binding_date.setText(format_date(data.binding_date))
        self.required_hours.setText(
            "" if data.required_minutes is None else f"{data.required_minutes / 60:g}".replace(".", ",")
        )
        self.screening_required.setChecked(data.screening_required)
        self.topics.setPlainText("\n".join(data.topics))
        self.sessions.set_sessions(data.sessions or [])
        self._loaded = data
        self._opened = stale_form.snapshot(self.fields)
        self.setEnabled(True)
        self.title.setFocus()

    # -- validation --------------------------------------------------------------------------

    def collect(self) -> CourseInput | None:
        """The form as a CourseInput, or None after showing every problem next to its field."""
        for field in self.fields.values():
            field.set_error(None)
        self.form_error.hide()
        errors: dict[str, str] = {}
        title = self.title.text().strip()
        if not title:
            errors["title"] = self.tr("Skriv en tittel på kurset.")
        municipality = self.municipality.text().strip()
        if municipality:
            try:
                municipalities.registry().resolve(municipality)
            except CourseKeeperError as exc:
                errors["municipality"] = exc.message
        deposit = 0
        if not self.deposit_waived.isChecked():
            try:
                deposit = parse_kr(self.deposit.text())
                if deposit < 0:
                    errors["deposit"] = self.tr("Egenandelen kan ikke være negativ.")
            except ValidationError:
                errors["deposit"] = self.tr("Skriv et beløp i kroner, for eksempel 1000.")
        binding = None
        if self.binding_date.text().strip():
            try:
                binding = parse_date(self.binding_date.text())
            except ValidationError:
                errors["binding_date"] = self.tr("Skriv datoen som dd.mm.åååå, for eksempel 01.03.2026.")
        required = None
        if self.required_hours.text().strip():
            try:
                required = round(float(self.required_hours.text().replace(",", ".")) * 60)
                if required < 0:
                    raise ValueError
            except ValueError:
                errors["required_hours"] = self.tr("Skriv antall timer, for eksempel 15 eller 7,5.")
        sessions = []
        try:
            sessions = self.sessions.sessions()
            if not sessions:
                errors["sessions"] = self.tr("Legg til minst én økt (dag) for kurset.")
        except ValidationError as exc:
            errors["sessions"] = exc.message
        if required is not None and sessions and not errors.get("sessions"):
            total = sum(s.minutes or 0 for s in sessions)
            if total and required > total:
                errors["required_hours"] = self.tr("Kurset har bare %1 til sammen.").replace(
                    "%1", hours_text(total)
                )
        for key in _FREE_TEXT:
            if problem := self.fields[key].identity_problem():
                errors.setdefault(key, problem)
        for key, text in errors.items():
            self.fields[key].set_error(text)
        if errors:
            first = next(k for k in self.fields if k in errors)
            self.fields[first].field.setFocus()
            return None
        return CourseInput(
            title=title,
            municipality=municipality or None,
            venue=self.venue.text().strip(),
            capacity=self.capacity.value(),
            deposit_ore=deposit,
            deposit_waived=self.deposit_waived.isChecked(),
            binding_date=binding,
            required_minutes=required,
            screening_required=self.screening_required.isChecked(),
            topics=[t for t in self.topics.toPlainText().splitlines() if t.strip()],
            co_organisers=[n for n in self.co_organisers.toPlainText().splitlines() if n.strip()],
            status=self.status.currentData(),
            sessions=sessions,
            assignment_deadline_months=self._loaded.assignment_deadline_months if self._loaded else None,
            notes=self._loaded.notes if self._loaded else "",
            version=self._loaded.version if self._loaded else None,
        )

    def submit(self, *, before_last_session: bool = False) -> None:
        """Validate, then save on the worker; the dialog closes when the course is stored."""
        data = self.collect()
        if data is None:
            return
        self.buttons.setEnabled(False)
        self.tasks.run(
            functools.partial(_save, self.course_id, data, before_last_session),
            label=self.tr("Lagrer kurset …"),
            touches={"courses", "enrolments"},
            on_done=self._on_saved,
            on_error=self._on_error,
            parent=self,
        )

    def _on_saved(self, saved: tuple[int, str]) -> None:
        course_id, promoted = saved
        self.saved.emit(course_id)
        self.accept()
        if promoted:
            messages.show_info(self.parentWidget(), promoted)

    def _on_error(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ChangedElsewhereError):
            self.form_error.show_refusal(exc)
            stale_form.offer_stored(
                self,
                self.tasks,
                exc,
                load=functools.partial(course_overview.course_input, self.course_id),
                label=self.tr("Henter kurset …"),
                show=functools.partial(self._show_stored, exc.message),
            )
            return
        if isinstance(exc, NeedsConfirmation):
            question = self.tr("Vil du likevel sette kurset som avsluttet nå?")
            if messages.confirm(
                self, self.tr("Avslutt kurset"), exc.message + "\n\n" + question, self.tr("Avslutt likevel")
            ):
                self.submit(before_last_session=True)
                return
        self.form_error.show_refusal(exc)

    def _show_stored(self, conflict: str, stored: CourseInput) -> None:
        """Show ``stored`` where the user changed nothing, keep the user's changes; build on its version."""
        stale_form.build_on_stored(self.fields, self._opened, functools.partial(self._fill, stored))
        self.form_error.show_message(stale_form.built_on_stored(conflict))


_FREE_TEXT = ("title", "venue", "co_organisers", "topics")  # never hold a fødselsnummer (DESIGN §6)


def _form_box(title: str) -> tuple[QGroupBox, QFormLayout]:
    """A titled box with a form at its top."""
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    form = QFormLayout()
    layout.addLayout(form)
    layout.addStretch(1)
    return box, form


def _save(course_id: int | None, data: CourseInput, before_last_session: bool) -> tuple[int, str]:
    """Store the form; the course's id and who got a seat from the waiting list (a raised capacity)."""
    if course_id is None:
        return courses.create_course(data, before_last_session=before_last_session).id, ""
    update = courses.update_course(course_id, data, before_last_session=before_last_session)
    return update.id, update.message
