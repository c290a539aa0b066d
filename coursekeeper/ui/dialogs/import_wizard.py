"""«Les inn deltakerliste»: file → sheet (if several) → column mapping → preview → commit → result.

Reading, matching and committing run on the task runner with progress and Cancel; this dialog
only shows pages. Nothing is written before the user presses one of the two commit buttons.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coursekeeper.errors import CourseKeeperError
from coursekeeper.services import imports
from coursekeeper.services.import_matching import RowStatus
from coursekeeper.services.imports import ColumnMapping, ImportPreview, ImportResult, SheetChoiceNeeded
from coursekeeper.ui import messages
from coursekeeper.ui.dialogs.import_wizard_pages import MappingTable, PreviewModel, preview_columns
from coursekeeper.ui.printing_actions import documents_folder, open_file
from coursekeeper.ui.tasks import Progress, TaskRunner
from coursekeeper.ui.widgets.table_view import RowTableView

logger = logging.getLogger(__name__)

FILE_PAGE, SHEET_PAGE, MAPPING_PAGE, PREVIEW_PAGE, RESULT_PAGE = range(5)


def ask_open_path(parent: QWidget | None) -> Path | None:
    """Ask for the participant list to read; None when the user cancels (tests replace this)."""
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ImportWizard", "Velg deltakerliste"),
        str(documents_folder()),
        QCoreApplication.translate("ImportWizard", "Regneark (*.xlsx *.xlsm *.xls *.ods);;Alle filer (*)"),
    )
    return Path(chosen) if chosen else None


def _preview(
    progress: Progress, *, path: Path, course_id: int, sheet: str | None, mapping: ColumnMapping | None
) -> ImportPreview:
    """On the worker: read, parse and match (read-only)."""
    return imports.preview_import(
        path, course_id=course_id, sheet=sheet, mapping=mapping, progress=progress.update
    )


def _commit(progress: Progress, *, preview: ImportPreview, skip_invalid: bool) -> ImportResult:
    """On the worker: the one transaction; skipped rows go to ``<name> – feil.xlsx`` beside the file."""
    return imports.commit_import(
        preview,
        skip_invalid=skip_invalid,
        error_workbook=imports.error_workbook_path(preview.path) if skip_invalid else None,
        progress=progress.update,
    )


class ImportWizard(QDialog):
    """Reads a municipality's participant list into a course in state «Søkt»."""

    def __init__(self, tasks: TaskRunner, course_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.course_id = course_id
        self.path: Path | None = None
        self.sheet: str | None = None
        self.preview: ImportPreview | None = None
        self.result: ImportResult | None = None
        self.mapping: ColumnMapping | None = None  # the user's working copy
        self._mapping_touched = False
        self.setWindowTitle(self.tr("Les inn deltakerliste"))
        self.resize(900, 560)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._sheet_page())
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._preview_page())
        self.pages.addWidget(self._result_page())

        self.back_button = QPushButton(self.tr("< &Tilbake"))
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton(self.tr("&Neste >"))
        self.next_button.clicked.connect(self.go_next)
        self.commit_all_button = QPushButton(self.tr("Les inn &alle"))
        self.commit_all_button.clicked.connect(self.commit_all)
        self.commit_valid_button = QPushButton(self.tr("Les inn bare &gyldige rader"))
        self.commit_valid_button.setToolTip(
            self.tr("Radene med feil lagres i en egen fil som kan rettes og leses inn på nytt")
        )
        self.commit_valid_button.clicked.connect(self.commit_valid)
        self.close_button = QPushButton(self.tr("Avbryt"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (
            self.back_button,
            self.next_button,
            self.commit_valid_button,
            self.commit_all_button,
            self.close_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self._show(FILE_PAGE)

    # -- pages ---------------------------------------------------------------------------------

    def _file_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "Velg regnearket med deltakerne (xlsx, xlsm, xls eller ods). Overskriftsraden kan stå "
                "under en tittel; kolonnene kjennes igjen på navnet, og du kan rette valget etterpå."
            )
        )
        intro.setWordWrap(True)
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.choose_button = QPushButton(self.tr("&Velg fil …"))
        self.choose_button.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.choose_button)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _sheet_page(self) -> QWidget:
        page = QWidget()
        self.sheet_label = QLabel()
        self.sheet_label.setWordWrap(True)
        self.sheet_combo = QComboBox()
        label = QLabel(self.tr("&Ark:"))
        label.setBuddy(self.sheet_combo)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.sheet_combo, 1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.sheet_label)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _mapping_page(self) -> QWidget:
        page = QWidget()
        self.mapping_label = QLabel()
        self.mapping_label.setWordWrap(True)
        self.mapping_table = MappingTable()
        self.mapping_table.mapping_changed.connect(self._on_mapping_changed)
        layout = QVBoxLayout(page)
        layout.addWidget(self.mapping_label)
        layout.addWidget(self.mapping_table, 1)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.notices_label = QLabel()
        self.notices_label.setWordWrap(True)
        self.preview_model = PreviewModel(preview_columns(), self)
        self.preview_table = RowTableView()
        self.preview_table.setModel(self.preview_model)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.notices_label)
        layout.addWidget(self.preview_table, 1)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.open_errors_button = QPushButton(self.tr("Åpne &feilfilen"))
        self.open_errors_button.clicked.connect(self.open_error_workbook)
        layout = QVBoxLayout(page)
        layout.addWidget(self.result_label)
        layout.addWidget(self.open_errors_button)
        layout.addStretch(1)
        return page

    def _show(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        preview = self.preview
        self.back_button.setVisible(page in (SHEET_PAGE, MAPPING_PAGE, PREVIEW_PAGE))
        self.next_button.setVisible(page in (SHEET_PAGE, MAPPING_PAGE))
        on_preview = page == PREVIEW_PAGE and preview is not None
        errors = on_preview and preview.count(RowStatus.ERROR) > 0
        valid = on_preview and any(
            r.status in (RowStatus.NEW, RowStatus.UPDATE, RowStatus.UNCHANGED) for r in preview.rows
        )
        self.commit_all_button.setVisible(on_preview)
        self.commit_all_button.setEnabled(on_preview and not errors and not preview.blocking and valid)
        self.commit_valid_button.setVisible(on_preview and errors)
        self.commit_valid_button.setEnabled(errors and valid and not preview.blocking)
        self.close_button.setText(self.tr("Lukk") if page == RESULT_PAGE else self.tr("Avbryt"))

    # -- flow ----------------------------------------------------------------------------------

    def choose_file(self) -> None:
        """Ask for the file, then read it on the worker."""
        path = ask_open_path(self)
        if path is None:
            return
        self.path, self.sheet, self.mapping, self.preview = path, None, None, None
        self.file_edit.setText(str(path))
        self._read(mapping=None, then=MAPPING_PAGE)

    def _read(self, *, mapping: ColumnMapping | None, then: int) -> None:
        assert self.path is not None
        self.tasks.run(
            functools.partial(
                _preview, path=self.path, course_id=self.course_id, sheet=self.sheet, mapping=mapping
            ),
            label=self.tr("Leser «%1» …").replace("%1", self.path.name),
            on_done=functools.partial(self._on_read, then),
            on_error=self._on_read_failed,
            parent=self,
        )

    def _on_read(self, then: int, preview: ImportPreview) -> None:
        self.preview = preview
        if then == MAPPING_PAGE:
            self.mapping = imports.copy_mapping(preview.mapping)
            self._mapping_touched = False
            self.mapping_table.set_mapping(self.mapping)
            remembered = self.tr(
                " Kolonnevalget du gjorde sist for en fil med de samme overskriftene er brukt."
            )
            self.mapping_label.setText(
                self.tr("Overskriftene står i rad %1 på arket «%2». Kontroller hvilken kolonne som er hva.")
                .replace("%1", str(preview.parsed.header_row))
                .replace("%2", preview.parsed.sheet)
                + (remembered if preview.mapping_remembered else "")
            )
        else:
            self._fill_preview(preview)
        self._show(then)

    def _on_read_failed(self, exc: BaseException) -> None:
        if isinstance(exc, SheetChoiceNeeded):
            self.sheet_combo.clear()
            self.sheet_combo.addItems(exc.sheet_names)
            self.sheet_label.setText(self.tr("Filen har flere ark med data. Velg arket med deltakerlisten."))
            self._show(SHEET_PAGE)
        elif isinstance(exc, CourseKeeperError):
            messages.show_error(self, exc.message, "\n".join(exc.details) or None)
        else:
            messages.show_exception(self, exc)

    def _on_mapping_changed(self) -> None:
        self._mapping_touched = True

    def _fill_preview(self, preview: ImportPreview) -> None:
        self.preview_model.set_rows(preview.rows)
        self.summary_label.setText(
            self.tr(
                "%n nye · %1 oppdateres · %2 uendret · %3 med feil · %4 hoppes over",
                "",
                preview.count(RowStatus.NEW),
            )
            .replace("%1", str(preview.count(RowStatus.UPDATE)))
            .replace("%2", str(preview.count(RowStatus.UNCHANGED)))
            .replace("%3", str(preview.count(RowStatus.ERROR)))
            .replace("%4", str(preview.count(RowStatus.SKIPPED)))
        )
        self.notices_label.setText("\n".join(f"• {n}" for n in preview.notices))
        self.notices_label.setVisible(bool(preview.notices))

    def go_next(self) -> None:
        """Sheet → mapping; mapping → preview (read again when the user changed the mapping)."""
        page = self.pages.currentIndex()
        if page == SHEET_PAGE:
            self.sheet = self.sheet_combo.currentText() or None
            self._read(mapping=None, then=MAPPING_PAGE)
        elif page == MAPPING_PAGE and self.preview is not None:
            if self._mapping_touched and self.mapping is not None:
                self._read(mapping=imports.copy_mapping(self.mapping), then=PREVIEW_PAGE)
            else:
                self._fill_preview(self.preview)
                self._show(PREVIEW_PAGE)

    def go_back(self) -> None:
        """One page back (the preview goes back to the mapping)."""
        page = self.pages.currentIndex()
        if page == PREVIEW_PAGE:
            self._show(MAPPING_PAGE)
        elif page in (MAPPING_PAGE, SHEET_PAGE):
            self._show(FILE_PAGE)

    def commit_all(self) -> None:
        """All or nothing."""
        self._commit(skip_invalid=False)

    def commit_valid(self) -> None:
        """Only the valid rows; the others go to the error workbook."""
        self._commit(skip_invalid=True)

    def _commit(self, *, skip_invalid: bool) -> None:
        if self.preview is None:
            return
        self.tasks.run(
            functools.partial(_commit, preview=self.preview, skip_invalid=skip_invalid),
            label=self.tr("Leser inn deltakere …"),
            touches={"people", "enrolments", "deposits", "audit", "settings"},
            on_done=self._on_committed,
            parent=self,
        )

    def _on_committed(self, result: ImportResult) -> None:
        self.result = result
        text = (
            self.tr("Lest inn: %n nye, %1 oppdatert, %2 uendret.", "", result.created)
            .replace("%1", str(result.updated))
            .replace("%2", str(result.unchanged))
        )
        text += " " + self.tr("%n betalinger er registrert.", "", result.payments)
        text += "\n" + self.tr("Alle er meldt på som «Søkt»; opptak gjøres på kurssiden.")
        if result.skipped_rows:
            text += "\n\n" + self.tr(
                "%n rader med feil ble ikke lest inn. De er lagret i:\n%1", "", len(result.skipped_rows)
            ).replace("%1", str(result.error_workbook))
        self.result_label.setText(text)
        self.open_errors_button.setVisible(result.error_workbook is not None)
        self._show(RESULT_PAGE)

    def open_error_workbook(self) -> None:
        """Open the error workbook in Excel (or whatever opens .xlsx)."""
        if self.result is not None and self.result.error_workbook is not None:
            open_file(self.result.error_workbook)
