"""A person's page: their facts, courses with deposit status, certificates, money and assignments."""

from __future__ import annotations

import datetime as dt
import functools

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from coursekeeper.domain.dates import format_date
from coursekeeper.domain.six_months import qualifying_date
from coursekeeper.services import assignments, municipalities, people
from coursekeeper.services.assignments import AssignmentRow
from coursekeeper.services.person_merge import MergeResult
from coursekeeper.services.person_overview import PersonOverview, municipality_choice, person_overview
from coursekeeper.services.phone_display import display_phone
from coursekeeper.ui import labels, role_gate
from coursekeeper.ui.dialogs.assignment_dialog import AssignmentDialog
from coursekeeper.ui.dialogs.end_assignment_dialog import EndAssignmentDialog
from coursekeeper.ui.dialogs.merge_people_dialog import open_merge
from coursekeeper.ui.dialogs.person_dialog import PersonDialog
from coursekeeper.ui.dialogs.pick_person_dialog import PickPersonDialog
from coursekeeper.ui.person_privacy import PersonPrivacyButton
from coursekeeper.ui.table_models import RIGHT, Column, Money
from coursekeeper.ui.tasks import TaskRunner, report_error
from coursekeeper.ui.views.ledger_panel import LedgerPanel
from coursekeeper.ui.widgets.rows_panel import RowsPanel


class PersonPage(QWidget):
    """Everything about one person; assignments are added and ended here."""

    back_requested = Signal()
    #: Emitted after the page was filled (tests wait on it).
    loaded = Signal()

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.person_id: int | None = None
        self.overview: PersonOverview | None = None
        back = QPushButton(self.tr("← Alle personer"))
        back.clicked.connect(self._on_back)
        self.name = QLabel()
        self.name.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Endre opplysninger …"))
        self.edit_button.setToolTip(self.tr("Endre navn, fødselsdato, kontaktopplysninger og kommune"))
        self.edit_button.clicked.connect(self.edit_person)
        self.swap_button = QPushButton(self.tr("Bytt fornavn og etternavn"))
        self.swap_button.setToolTip(
            self.tr("For navn som er registrert i feil rekkefølge, for eksempel «Johansen Mats»")
        )
        self.swap_button.clicked.connect(self.swap_names)
        self.merge_button = QPushButton(self.tr("Slå sammen med …"))
        self.merge_button.setToolTip(self.tr("Slå sammen med en annen registrering av samme person"))
        self.merge_button.clicked.connect(self.merge_with)
        self.privacy_button = PersonPrivacyButton(tasks, self._who, self._on_erased)

        self.enrolments = RowsPanel(
            tasks,
            [
                Column(self.tr("Kurs"), lambda r: r.course_title, stretch=True),
                Column(self.tr("Start"), lambda r: r.course_start),
                Column(self.tr("Påmelding"), lambda r: labels.enrolment_state(r.state)),
                Column(self.tr("Egenandel"), lambda r: labels.deposit_status(r.status)),
                Column(self.tr("Innbetalt"), lambda r: Money(r.paid_ore), RIGHT),
                Column(self.tr("Innestående"), lambda r: Money(r.held_ore), RIGHT),
            ],
        )
        self.certificates = RowsPanel(
            tasks,
            [
                Column(self.tr("Nummer"), lambda r: r.number),
                Column(self.tr("Kurs"), lambda r: r.course_title, stretch=True),
                Column(self.tr("Utstedt"), lambda r: r.issued_on),
                Column(self.tr("Status"), self._certificate_status),
            ],
        )
        self.ledger = LedgerPanel(tasks)
        self.ledger.table.setColumnHidden(2, True)  # every entry is this person's
        self.assignments = RowsPanel(
            tasks,
            [
                Column(self.tr("Kommune"), lambda r: r.municipality, stretch=True),
                Column(self.tr("Start"), lambda r: r.start_date),
                Column(self.tr("Slutt"), lambda r: r.end_date or self.tr("Pågår")),
                Column(self.tr("Seks måneder"), self._six_months),
                Column(self.tr("Merknad"), lambda r: r.note, stretch=True),
            ],
        )
        self.add_button = QPushButton(self.tr("Nytt oppdrag …"))
        self.add_button.setToolTip(self.tr("Registrer et oppdrag som treningskontakt (Ctrl+N)"))
        self.add_button.clicked.connect(self.add_assignment)
        self.end_button = QPushButton(self.tr("Avslutt oppdrag …"))
        self.end_button.clicked.connect(self.end_assignment)
        self.assignments.buttons.addWidget(self.add_button)
        self.assignments.buttons.addWidget(self.end_button)
        self.assignments.table.selectionModel().selectionChanged.connect(self._update_buttons)
        role_gate.gate("can_edit_people", self.edit_button, self.swap_button)
        role_gate.gate("can_erase", self.merge_button)
        role_gate.gate("can_assign", self.add_button, self.end_button)
        self.assignments.model.modelReset.connect(self._update_buttons)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.enrolments, self.tr("Kurs"))
        self.tabs.addTab(self.certificates, self.tr("Kursbevis"))
        self.tabs.addTab(self.ledger, self.tr("Egenandel"))
        self.tabs.addTab(self.assignments, self.tr("Oppdrag"))
        allowed = role_gate.allowed()
        self.tabs.setTabVisible(1, allowed.can_see_certificates)
        self.tabs.setTabVisible(2, allowed.can_see_money)
        for column in (3, 4, 5):  # deposit status, paid, held
            self.enrolments.table.setColumnHidden(column, not allowed.can_see_money)
        self.feedback = QLabel()
        self.feedback.setStyleSheet("color: #1b5e20;")
        self.ledger.recorded.connect(self.feedback.setText)

        top = QHBoxLayout()
        top.addWidget(back)
        top.addStretch(1)
        top.addWidget(self.merge_button)
        top.addWidget(self.swap_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.privacy_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.name)
        layout.addWidget(self.facts)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.feedback)
        self._update_buttons()

    def _on_back(self) -> None:
        self.back_requested.emit()

    # -- loading -----------------------------------------------------------------------------

    def show_person(self, person_id: int) -> None:
        """Open the page of a person."""
        if person_id != self.person_id:
            self.feedback.clear()
            self.tabs.setCurrentIndex(0)
        self.person_id = person_id
        self.ledger.set_source(person_id=person_id)
        self.reload()

    def reload(self) -> None:
        """Fetch everything about the person again (one task)."""
        if self.person_id is None:
            return
        self.tasks.run(
            functools.partial(person_overview, self.person_id, as_of=dt.date.today()),
            label=self.tr("Henter personen …"),
            on_done=self._on_loaded,
            parent=self,
        )

    def _on_loaded(self, overview: PersonOverview) -> None:
        self.overview = overview
        d = overview.details
        self.name.setText(d.full_name)
        facts = []
        if d.birth_date:
            facts.append(self.tr("Født %1").replace("%1", format_date(d.birth_date)))
        facts += [d.email, display_phone(d.phone)]
        address = " ".join(p for p in (d.postal_code, d.city) if p)
        facts.append(", ".join(p for p in (d.address, address) if p))
        if d.municipality:
            facts.append(self.tr("%1 kommune").replace("%1", d.municipality))
        self.facts.setText(
            " · ".join(f for f in facts if f) or self.tr("Ingen kontaktopplysninger registrert.")
        )
        self.enrolments.show_rows(overview.enrolments)
        self.certificates.show_rows(overview.certificates)
        self.ledger.show_rows(overview.ledger)
        self.assignments.show_rows(overview.assignments)
        self._update_buttons()
        counts = (
            len(overview.enrolments),
            len(overview.certificates),
            len(overview.ledger),
            len(overview.assignments),
        )
        names = (
            self.tr("Kurs (%1)"),
            self.tr("Kursbevis (%1)"),
            self.tr("Egenandel (%1)"),
            self.tr("Oppdrag (%1)"),
        )
        for index, (name, count) in enumerate(zip(names, counts, strict=True)):
            self.tabs.setTabText(index, name.replace("%1", str(count)))
        self.loaded.emit()

    def _certificate_status(self, row) -> str:
        if row.valid:
            return self.tr("Gyldig")
        return self.tr("Tilbakekalt %1").replace("%1", format_date(row.revoked_at.date()))

    def _six_months(self, row: AssignmentRow) -> str:
        reached = qualifying_date(row.start_date)
        if row.end_date is not None and row.end_date < reached:
            return self.tr("Nei (sluttet før)")
        if reached <= dt.date.today():
            return self.tr("Nådd %1").replace("%1", format_date(reached))
        return self.tr("Nås %1").replace("%1", format_date(reached))

    # -- assignments -------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        row = self.assignments.table.current_row()
        self.end_button.setEnabled(row is not None and row.end_date is None)
        self.add_button.setEnabled(self.person_id is not None)
        self.edit_button.setEnabled(self.overview is not None)
        self.swap_button.setEnabled(self.overview is not None)
        self.merge_button.setEnabled(self.overview is not None)
        self.privacy_button.setEnabled(self.overview is not None)

    # -- the person's own facts --------------------------------------------------------------

    def edit_person(self) -> None:
        """Endre opplysninger: every field, checked as an import checks it."""
        if self.overview is None:
            return
        dialog = PersonDialog(self.tasks, self.overview.details, self)
        dialog.saved.connect(self._on_edited)
        dialog.exec()

    def _on_edited(self, _person_id: int) -> None:
        self.feedback.setText(self.tr("Endringene er lagret."))

    def merge_with(self) -> None:
        """Pick the other record of this person, then merge the two; the kept one's page stays open."""
        if self.overview is None:
            return
        d = self.overview.details
        picker = PickPersonDialog(self.tasks, d.id, d.full_name, self)
        other = picker.chosen() if picker.exec() == PickPersonDialog.DialogCode.Accepted else None
        if other is not None:
            open_merge(self.tasks, self, d.id, other.id, self._on_merged)

    def _who(self) -> tuple[int, str] | None:
        d = self.overview.details if self.overview is not None else None
        return (d.id, d.full_name) if d is not None else None

    def _on_erased(self, person_id: int) -> None:
        self.show_person(person_id)  # the page now shows «Slettet person» with the numbers kept

    def _on_merged(self, result: MergeResult) -> None:
        self.show_person(result.kept_id)

    def swap_names(self) -> None:
        """Swap first and last name in one click (an imported «Johansen Mats»)."""
        if self.overview is None:
            return
        d = self.overview.details
        self.tasks.run(
            functools.partial(people.swap_names, d.id, based_on=d.version),
            label=self.tr("Bytter fornavn og etternavn …"),
            touches={"people"},
            on_done=self._on_swapped,
            on_error=self._on_refused,
            parent=self,
        )

    def _on_refused(self, exc: BaseException) -> None:
        """Say why, then show what is stored now (someone else may have changed the person)."""
        report_error(self, exc)
        self.reload()

    def _on_swapped(self, person: object) -> None:
        name = f"{person.first_name} {person.last_name}"  # type: ignore[attr-defined]
        self.feedback.setText(self.tr("Fornavn og etternavn er byttet: %1.").replace("%1", name))

    def add_assignment(self) -> None:
        """Record a new assignment for this person."""
        if self.overview is None or not self.add_button.isEnabled():
            return
        d = self.overview.details
        dialog = AssignmentDialog(d.id, d.full_name, municipalities.all_names(), municipality_choice(d), self)
        dialog.run_when_accepted(
            self.tasks,
            assignments.add_assignment,
            label=self.tr("Registrerer oppdrag …"),
            touches={"assignments"},
            on_done=self._on_assignment_saved,
        )

    def end_assignment(self) -> None:
        """Set the end date of the selected running assignment."""
        row: AssignmentRow | None = self.assignments.table.current_row()
        if row is None or row.end_date is not None:
            return
        EndAssignmentDialog(self.tasks, row, self).run_when_accepted(
            self.tasks,
            assignments.end_assignment,
            label=self.tr("Avslutter oppdrag …"),
            touches={"assignments"},
            on_done=self._on_assignment_saved,
            stay_open=True,
        )

    def _on_assignment_saved(self, row: object) -> None:
        start = format_date(row.start_date)  # type: ignore[attr-defined]
        end = row.end_date  # type: ignore[attr-defined]
        if end is None:
            text = self.tr("Oppdrag fra %1 er registrert.").replace("%1", start)
        else:
            text = (
                self.tr("Oppdrag fra %1 til %2 er registrert.")
                .replace("%1", start)
                .replace("%2", format_date(end))
            )
        self.feedback.setText(text)
        self.tabs.setCurrentWidget(self.assignments)
