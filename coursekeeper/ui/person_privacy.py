"""«Personvern» on the person page: access request (innsyn), who opened the notes, erasure."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coursekeeper.domain.dates import format_datetime
from coursekeeper.services import erasure, person_data
from coursekeeper.services.erasure import ErasurePreview, ErasureResult
from coursekeeper.services.person_data import AccessExport, NotesOpened
from coursekeeper.ui import messages, role_gate
from coursekeeper.ui.printing_actions import documents_folder, open_file
from coursekeeper.ui.table_models import Column, RowTableModel
from coursekeeper.ui.tasks import ALL_AREAS, Progress, TaskRunner
from coursekeeper.ui.widgets.data_table import DataTable


class PersonPrivacyButton(QPushButton):
    """A button with the person's privacy actions; ``person`` gives (id, name) of the page's person."""

    def __init__(
        self,
        tasks: TaskRunner,
        person: Callable[[], tuple[int, str] | None],
        on_erased: Callable[[int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setText(self.tr("Personvern"))
        self.tasks = tasks
        self.person = person
        self.on_erased = on_erased
        self.setToolTip(self.tr("Innsyn, logg over hvem som har åpnet notatene, og sletting"))
        menu = QMenu(self)
        self.access_action = menu.addAction(
            self.tr("Innsyn: alt som er lagret (PDF og JSON) …"), self.export_access
        )
        role_gate.gate("can_read_everything", self.access_action)
        menu.addAction(self.tr("Hvem har åpnet vurderingsnotatene …"), self.show_notes_log)
        if role_gate.allowed().can_erase:  # erasure is for administrators only
            menu.addSeparator()
            menu.addAction(self.tr("Slett personen …"), self.erase)
        self.setMenu(menu)

    # -- access request ----------------------------------------------------------------------

    def export_access(self) -> None:
        """Ask where, then write the person's PDF and JSON on the worker and offer to open the PDF."""
        found = self.person()
        if found is None:
            return
        person_id, name = found
        safe = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', " ", name).strip() or str(person_id)
        default = documents_folder() / (self.tr("Innsyn %1").replace("%1", safe) + ".pdf")
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Innsyn"), str(default), self.tr("PDF-filer (*.pdf)")
        )
        if not chosen:
            return
        self.tasks.run(
            functools.partial(_export, person_id=person_id, out=Path(chosen)),
            label=self.tr("Skriver innsynet …"),
            touches={"audit"},
            on_done=self._on_exported,
            parent=self,
        )

    def _on_exported(self, result: AccessExport) -> None:
        if messages.confirm(
            self,
            self.tr("Innsyn"),
            result.message + "\n\n" + self.tr("Vil du åpne PDF-en nå?"),
            self.tr("Åpne"),
        ):
            open_file(result.pdf_path)

    # -- who opened the notes ----------------------------------------------------------------

    def show_notes_log(self) -> None:
        """The screening notes' access log for this person."""
        found = self.person()
        if found is None:
            return
        self.tasks.run(
            functools.partial(person_data.screening_notes_opened, found[0]),
            label=self.tr("Henter loggen …"),
            on_done=functools.partial(self._show_log, found[1]),
            parent=self,
        )

    def _show_log(self, name: str, rows: list[NotesOpened]) -> None:
        self.log_dialog = NotesLogDialog(name, rows, self)
        self.log_dialog.exec()

    # -- erasure -----------------------------------------------------------------------------

    def erase(self) -> None:
        """Say what erasure does (and the money still held), confirm, erase, say it is done."""
        found = self.person()
        if found is None:
            return
        self.tasks.run(
            functools.partial(erasure.erasure_preview, found[0]),
            label=self.tr("Ser hva som slettes …"),
            on_done=self._confirm_erasure,
            parent=self,
        )

    def _confirm_erasure(self, preview: ErasurePreview) -> None:
        ok = self.tr("Slett likevel") if preview.held_ore else self.tr("Slett personen")
        if not messages.confirm(self, self.tr("Slett %1").replace("%1", preview.name), preview.message, ok):
            return
        self.tasks.run(
            functools.partial(erasure.erase_person, preview.person_id, despite_money=bool(preview.held_ore)),
            label=self.tr("Sletter …"),
            touches=ALL_AREAS,
            on_done=self._on_erased,
            parent=self,
        )

    def _on_erased(self, result: ErasureResult) -> None:
        messages.show_info(self, result.message)
        self.on_erased(result.person_id)


def _export(progress: Progress, *, person_id: int, out: Path) -> AccessExport:
    return person_data.write_access_export(person_id, out=out, progress=progress.update)


class NotesLogDialog(QDialog):
    """Who opened the screening notes, when, and for which course; newest first."""

    def __init__(self, name: str, rows: list[NotesOpened], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hvem har åpnet vurderingsnotatene"))
        intro = QLabel(
            self.tr("Hver gang noen åpner notatene fra egnethetsvurderingen av %1, logges det her.").replace(
                "%1", name
            )
            if rows
            else self.tr("Ingen har åpnet notatene fra egnethetsvurderingen av %1.").replace("%1", name)
        )
        intro.setWordWrap(True)
        self.model: RowTableModel[NotesOpened] = RowTableModel(
            [
                Column(self.tr("Når"), lambda r: format_datetime(r.at)),
                Column(self.tr("Hvem"), lambda r: r.actor),
                Column(self.tr("Kurs"), lambda r: r.course_title, stretch=True),
            ],
            self,
        )
        self.model.set_rows(rows)
        self.table = DataTable(self.model)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Lukk"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(680, 360)
