"""Pages of the import wizard: the column mapping table and the preview table with coloured statuses."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from coursekeeper.services.import_matching import PlannedRow, RowStatus
from coursekeeper.services.imports import FIELD_LABELS, ColumnMapping, column_choices
from coursekeeper.ui.table_models import RIGHT, Column, RowTableModel

# Foreground and a light background per status, so the list reads at a glance.
STATUS_COLOURS = {
    RowStatus.NEW: ("#1b5e20", "#e8f5e9"),
    RowStatus.UPDATE: ("#0d47a1", "#e3f2fd"),
    RowStatus.UNCHANGED: ("#555555", None),
    RowStatus.ERROR: ("#8c1d18", "#fdecea"),
    RowStatus.SKIPPED: ("#8a5a00", "#fff8e1"),
}


class MappingTable(QTableWidget):
    """One row per field, with a combo of the file's columns; one column serves one field."""

    mapping_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setHorizontalHeaderLabels([self.tr("Felt i CourseKeeper"), self.tr("Kolonne i filen")])
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.mapping: ColumnMapping | None = None
        self.combos: dict[str, QComboBox] = {}
        self._labels = {
            "first_name": self.tr("Fornavn"),
            "last_name": self.tr("Etternavn"),
            "full_name": self.tr("Navn (fornavn og etternavn i én kolonne)"),
            "email": self.tr("E-post"),
            "phone": self.tr("Telefon"),
            "birth_date": self.tr("Fødselsdato"),
            "identity_number": self.tr("Fødselsnummer (bare fødselsdatoen tas vare på)"),
            "address": self.tr("Adresse"),
            "postal_code": self.tr("Postnummer"),
            "city": self.tr("Poststed"),
            "municipality": self.tr("Kommune"),
            "paid": self.tr("Betalt"),
            "note": self.tr("Merknad"),
        }

    def set_mapping(self, mapping: ColumnMapping) -> None:
        """Show ``mapping`` (the table changes this object as the user picks columns)."""
        self.mapping = mapping
        choices = [self.tr("(ikke i filen)"), *column_choices(mapping)]
        self.setRowCount(len(FIELD_LABELS))
        self.combos = {}
        for row, name in enumerate(FIELD_LABELS):
            item = QTableWidgetItem(self._labels.get(name, FIELD_LABELS[name]))
            self.setItem(row, 0, item)
            combo = QComboBox()
            combo.addItems(choices)
            combo.setObjectName(f"mapping_{name}")
            combo.currentIndexChanged.connect(self._on_combo_changed)
            self.setCellWidget(row, 1, combo)
            self.combos[name] = combo
        self._refresh()

    def _refresh(self) -> None:
        assert self.mapping is not None
        for name, combo in self.combos.items():
            index = self.mapping.column(name)
            combo.blockSignals(True)
            combo.setCurrentIndex(0 if index is None else index + 1)
            combo.blockSignals(False)

    def _on_combo_changed(self) -> None:
        combo = self.sender()
        if self.mapping is None or not isinstance(combo, QComboBox):
            return
        name = next(n for n, c in self.combos.items() if c is combo)
        choice = combo.currentIndex()
        self.mapping.assign(name, None if choice <= 0 else choice - 1)
        self._refresh()  # a column taken from another field empties that field's combo
        self.mapping_changed.emit()


class PreviewModel(RowTableModel):
    """Planned rows; the status column (and the row's background) coloured by status."""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Colours by status; everything else as the base model."""
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole) and index.isValid():
            row = self.row_at(index.row())
            if row is None:
                return None
            foreground, background = STATUS_COLOURS[row.status]
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(foreground)) if index.column() == 1 else None
            return QBrush(QColor(background)) if background else None
        return super().data(index, role)


def preview_columns() -> list[Column[PlannedRow]]:
    """Row, status, who, and why."""
    # Literal translate() calls, so pyside6-lupdate files them under «PreviewModel».
    status = {
        RowStatus.NEW: QCoreApplication.translate("PreviewModel", "Ny"),
        RowStatus.UPDATE: QCoreApplication.translate("PreviewModel", "Oppdateres"),
        RowStatus.UNCHANGED: QCoreApplication.translate("PreviewModel", "Uendret"),
        RowStatus.ERROR: QCoreApplication.translate("PreviewModel", "Feil"),
        RowStatus.SKIPPED: QCoreApplication.translate("PreviewModel", "Hoppes over"),
    }
    order = list(RowStatus)
    return [
        Column(
            QCoreApplication.translate("PreviewModel", "Rad"),
            lambda r: r.excel_row,
            align=RIGHT,
        ),
        Column(
            QCoreApplication.translate("PreviewModel", "Status"),
            lambda r: status[r.status],
            sort_key=lambda r: order.index(r.status),
        ),
        Column(QCoreApplication.translate("PreviewModel", "Navn"), lambda r: r.name, stretch=True),
        Column(QCoreApplication.translate("PreviewModel", "Fødselsdato"), lambda r: r.source.birth_date),
        Column(QCoreApplication.translate("PreviewModel", "E-post"), lambda r: r.source.email or ""),
        Column(
            QCoreApplication.translate("PreviewModel", "Kommune"),
            lambda r: r.municipality_name or r.source.municipality_text,
        ),
        Column(QCoreApplication.translate("PreviewModel", "Årsak"), _reasons, tooltip=_reasons, stretch=True),
    ]


def _reasons(row: PlannedRow) -> str:
    """The status reason followed by every issue of the row, with row and column."""
    return " ".join([row.reason, *row.messages()]).strip()
