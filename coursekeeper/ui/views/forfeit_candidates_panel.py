"""Kan beholdes: held deposits past the course's deadline for starting an assignment."""

from __future__ import annotations

import functools

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from coursekeeper.services import deposit_batches, refunds
from coursekeeper.services.deposit_batches import EntryBatch
from coursekeeper.services.refunds import ForfeitCandidate
from coursekeeper.ui.dialogs.forfeit_dialog import ForfeitDialog
from coursekeeper.ui.table_models import RIGHT, Column, Money
from coursekeeper.ui.table_models import norwegian_sort_key as nb_key
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.widgets.form_fields import date_edit, date_of
from coursekeeper.ui.widgets.rows_panel import RowsPanel


def _candidate_text(row: ForfeitCandidate) -> str:
    return f"{row.person_name} {row.course_title}"


class ForfeitCandidatesPanel(RowsPanel):
    """Deposits that may be kept as of a date; keeping them is a deliberate step."""

    #: A line for the user about what was just recorded.
    recorded = Signal(str)

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(
            tasks, widths=(200, 280, 100), multi_select=True, text_of=_candidate_text, parent=parent
        )
        self.course_id: int | None = None
        self.as_of = date_edit()
        self.as_of.dateChanged.connect(self.reload)
        top = QHBoxLayout()
        label = QLabel(self.tr("&Per dato:"))
        label.setBuddy(self.as_of)
        explain = QLabel(
            self.tr(
                "Egenandeler der kursets frist for å starte oppdrag er passert uten et oppdrag som "
                "kan gi tilbakebetaling. Pengene beholdes først når du registrerer det."
            )
        )
        explain.setWordWrap(True)
        top.addWidget(label)
        top.addWidget(self.as_of)
        top.addWidget(explain, 1)
        self.layout().insertLayout(0, top)
        self.forfeit_button = QPushButton(self.tr("Behold egenandel …"))
        self.forfeit_button.clicked.connect(self.forfeit_selected)
        self.buttons.addWidget(self.forfeit_button)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def make_columns(self) -> list[Column]:
        """Who, which course, how much, and the deadline that passed."""
        return [
            Column(self.tr("Navn"), lambda r: r.person_name, sort_key=lambda r: nb_key(r.person_name)),
            Column(self.tr("Kurs"), lambda r: r.course_title, sort_key=lambda r: nb_key(r.course_title)),
            Column(self.tr("Beløp"), lambda r: Money(r.amount_ore), RIGHT, lambda r: r.amount_ore),
            Column(self.tr("Frist for å starte oppdrag"), lambda r: r.deadline),
        ]

    def set_course(self, course_id: int | None) -> None:
        """Show one course (None: every course)."""
        self.course_id = course_id

    def reload(self) -> None:
        """Fetch the candidates again for the chosen date."""
        self.load(
            functools.partial(refunds.forfeit_candidates, date_of(self.as_of), course_id=self.course_id),
            self.tr("Finner egenandeler som kan beholdes …"),
        )

    def _update_buttons(self) -> None:
        self.forfeit_button.setEnabled(bool(self.selected_rows()))

    def forfeit_selected(self) -> None:
        """Keep the deposits of the selected rows (one transaction)."""
        rows: list[ForfeitCandidate] = self.selected_rows()
        if not rows:
            return
        dialog = ForfeitDialog([(r.enrolment_id, r.person_name, r.amount_ore) for r in rows], self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        v = dialog.values()
        self.tasks.run(
            functools.partial(
                deposit_batches.record_forfeits, enrolment_ids=v.enrolment_ids, on=v.on, note=v.note
            ),
            label=self.tr("Registrerer beholdte egenandeler …"),
            touches={"deposits"},
            on_done=self._on_forfeited,
            parent=self,
        )

    def _on_forfeited(self, batch: EntryBatch) -> None:
        text = self.batch_message(
            self.tr("Egenandel beholdt: %1."),
            self.tr("Egenandeler beholdt for %2 deltakere: til sammen %1."),
            len(batch.entry_ids),
            batch.total_ore,
        )
        self.recorded.emit(text)
