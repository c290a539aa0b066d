"""«Les inn oppfølgingsliste»: a dry run first (what would be created, refused, in conflict), then save."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coursekeeper.services.followup import FollowupResult, apply_followup
from coursekeeper.ui.printing_actions import documents_folder
from coursekeeper.ui.table_models import Column, RowTableModel
from coursekeeper.ui.tasks import Progress, TaskRunner
from coursekeeper.ui.widgets.table_view import RowTableView


def ask_followup_path(parent: QWidget | None) -> Path | None:
    """Ask for the filled-in follow-up workbook; None on cancel (tests replace this)."""
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("FollowupDialog", "Velg utfylt oppfølgingsliste"),
        str(documents_folder()),
        QCoreApplication.translate("FollowupDialog", "Regneark (*.xlsx *.xlsm *.xls *.ods)"),
    )
    return Path(chosen) if chosen else None


def _read(progress: Progress, *, path: Path, dry_run: bool) -> FollowupResult:
    """On the worker: read the workbook and (unless a dry run) save the assignments."""
    return apply_followup(path, dry_run=dry_run, progress=progress.update)


@dataclass(frozen=True)
class NoteRow:
    """One refused row or conflict for the table."""

    kind: str
    sheet: str
    row: int
    message: str


class FollowupDialog(QDialog):
    """Shows what the filled-in sheet would do; «Lagre» applies it in one transaction."""

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.path: Path | None = None
        self.result: FollowupResult | None = None
        self.setWindowTitle(self.tr("Les inn oppfølgingsliste"))
        self.resize(820, 460)
        self.file_label = QLabel(self.tr("Velg oppfølgingslisten kommunen har fylt ut og sendt tilbake."))
        self.file_label.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = RowTableModel(
            [
                Column(self.tr("Hva"), lambda r: r.kind),
                Column(self.tr("Ark"), lambda r: r.sheet),
                Column(self.tr("Rad"), lambda r: r.row),
                Column(self.tr("Melding"), lambda r: r.message, tooltip=lambda r: r.message, stretch=True),
            ],
            self,
        )
        self.table = RowTableView()
        self.table.setModel(self.model)
        self.choose_button = QPushButton(self.tr("&Velg fil …"))
        self.choose_button.clicked.connect(self.choose_file)
        self.save_button = QPushButton(self.tr("&Lagre oppdragene"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Lukk"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def choose_file(self) -> None:
        """Pick the workbook and show a dry run."""
        path = ask_followup_path(self)
        if path is None:
            return
        self.path = path
        self.file_label.setText(str(path))
        self._run(dry_run=True)

    def save(self) -> None:
        """Create and update the assignments for real."""
        if self.path is not None:
            self._run(dry_run=False)

    def _run(self, *, dry_run: bool) -> None:
        assert self.path is not None
        self.tasks.run(
            functools.partial(_read, path=self.path, dry_run=dry_run),
            label=self.tr("Leser «%1» …").replace("%1", self.path.name),
            touches=set() if dry_run else {"assignments", "audit"},
            on_done=self._show_result,
            parent=self,
        )

    def _show_result(self, result: FollowupResult) -> None:
        self.result = result
        counts = (
            self.tr("Opprettes: %1 · oppdateres: %2 · uendret: %3 · avvist: %4 · konflikter: %5")
            if result.dry_run
            else self.tr("Opprettet: %1 · oppdatert: %2 · uendret: %3 · avvist: %4 · konflikter: %5")
        )
        text = (
            counts.replace("%1", str(result.created))
            .replace("%2", str(result.updated))
            .replace("%3", str(result.unchanged))
            .replace("%4", str(len(result.refused)))
            .replace("%5", str(len(result.conflicts)))
        )
        if result.dry_run:
            text += "\n" + self.tr("Ingenting er lagret ennå. Trykk «Lagre oppdragene» for å lagre.")
        else:
            text += "\n" + self.tr("Oppdragene er lagret. Avviste rader og konflikter er ikke endret.")
        self.summary.setText(text)
        refused, conflict = self.tr("Avvist"), self.tr("Konflikt")
        self.model.set_rows(
            [NoteRow(refused, n.sheet, n.row, n.message) for n in result.refused]
            + [NoteRow(conflict, n.sheet, n.row, n.message) for n in result.conflicts]
        )
        self.save_button.setEnabled(result.dry_run and (result.created + result.updated) > 0)
