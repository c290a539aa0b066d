"""Slå sammen personer: two records side by side; the user picks the record to keep and each value."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coursekeeper.domain.dates import format_date
from coursekeeper.errors import ChangedElsewhereError
from coursekeeper.services.people import PERSON_FIELDS
from coursekeeper.services.person_merge import (
    MergePreview,
    MergeResult,
    MergeSide,
    counts_text,
    default_choices,
    merge_people,
    merge_preview,
)
from coursekeeper.services.person_overview import PersonDetails
from coursekeeper.services.phone_display import display_phone
from coursekeeper.ui import messages, stale_form
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.widgets.form_fields import ErrorLabel, FormErrorLabel, ok_cancel_buttons


def _value(details: PersonDetails, field: str) -> str:
    value = getattr(details, field)
    if field == "birth_date":
        return format_date(value) if value else ""
    if field == "phone":
        return display_phone(value)
    return value or ""


class MergePeopleDialog(QDialog):
    """Choose the record to keep and, per field, whose value it keeps; ``merged(result)`` when done."""

    merged = Signal(object)

    def __init__(self, tasks: TaskRunner, preview: MergePreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.sides = (preview.keep, preview.other)
        self.setWindowTitle(self.tr("Slå sammen personer"))
        self.setMinimumWidth(760)
        intro = QLabel(
            self.tr(
                "Påmeldinger, innbetalinger, kursbevis og oppdrag flyttes til personen som beholdes. "
                "Den andre posten slettes. Velg hvilken verdi som skal beholdes i hvert felt."
            )
        )
        intro.setWordWrap(True)
        labels = {
            "first_name": self.tr("Fornavn"),
            "last_name": self.tr("Etternavn"),
            "birth_date": self.tr("Fødselsdato"),
            "email": self.tr("E-post"),
            "phone": self.tr("Telefon"),
            "address": self.tr("Adresse"),
            "postal_code": self.tr("Postnummer"),
            "city": self.tr("Poststed"),
            "municipality": self.tr("Kommune"),
        }
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.keep_group = QButtonGroup(self)
        self.keep_buttons: list[QRadioButton] = []
        self.counts: list[QLabel] = []
        for column in (1, 2):
            button = QRadioButton()
            button.setStyleSheet("font-weight: 600;")
            self.keep_group.addButton(button, column - 1)
            self.keep_buttons.append(button)
            grid.addWidget(button, 0, column)
            counts = QLabel()
            counts.setWordWrap(True)
            counts.setStyleSheet("color: palette(placeholder-text);")
            self.counts.append(counts)
            grid.addWidget(counts, 1, column)
        self.choices: dict[str, QButtonGroup] = {}
        for row, field in enumerate(PERSON_FIELDS, start=2):
            grid.addWidget(QLabel(labels[field]), row, 0)
            group = QButtonGroup(self)
            for column in (0, 1):
                button = QRadioButton()
                group.addButton(button, column)
                grid.addWidget(button, row, column + 1)
            self.choices[field] = group
        self._show_values()
        self.keep_buttons[0].setChecked(True)
        self._on_keep_toggled(0, True)
        self.shared = ErrorLabel()
        if preview.shared_courses:
            self.shared.show_message(
                self.tr("Begge er påmeldt %1. Meld den ene av kurset før du slår sammen.").replace(
                    "%1", ", ".join(f"«{t}»" for t in preview.shared_courses)
                )
            )
        self.form_error = FormErrorLabel()
        self.buttons, self.ok_button = ok_cancel_buttons(self.tr("Slå sammen"), self.tr("Avbryt"))
        self.ok_button.setEnabled(not preview.shared_courses)
        # Merging cannot be undone: Enter means Cancel.
        self.ok_button.setAutoDefault(False)
        self.buttons.button(self.buttons.StandardButton.Cancel).setDefault(True)
        self.buttons.accepted.connect(self.merge)
        self.buttons.rejected.connect(self.reject)
        self.keep_group.idToggled.connect(self._on_keep_toggled)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.shared)
        layout.addWidget(self.form_error)
        layout.addWidget(self.buttons, alignment=Qt.AlignmentFlag.AlignBottom)

    def _show_values(self) -> None:
        """Both records' names, counts and values, as ``self.sides`` holds them."""
        for button, counts, side in zip(self.keep_buttons, self.counts, self.sides, strict=True):
            button.setText(self.tr("Behold %1").replace("%1", side.details.full_name))
            counts.setText(self._counts(side))
        for field, group in self.choices.items():
            texts = [_value(side.details, field) for side in self.sides]
            for column, text in enumerate(texts):
                group.button(column).setText(text or self.tr("(tomt)"))
                group.button(column).setToolTip(text)
                group.button(column).setEnabled(texts[0] != texts[1])

    @staticmethod
    def _counts(side: MergeSide) -> str:
        return counts_text(
            enrolments=side.enrolments,
            certificates=side.certificates,
            ledger_entries=side.ledger_entries,
            assignments=side.assignments,
        )

    def _on_keep_toggled(self, kept: int, checked: bool) -> None:
        """A new record to keep: each field takes its value, unless only the other one has a value."""
        if not checked:
            return
        other = 1 - kept
        from_other = default_choices(self.sides[kept].details, self.sides[other].details)
        for field, group in self.choices.items():
            group.button(other if field in from_other else kept).setChecked(True)

    def kept_index(self) -> int:
        """0 or 1: which of the two records is kept."""
        return self.keep_group.checkedId()

    def take_from_other(self) -> set[str]:
        """The fields whose value comes from the record that is merged away."""
        kept = self.kept_index()
        return {field for field, group in self.choices.items() if group.checkedId() != kept}

    def merge(self) -> None:
        """Merge on the database worker; a refusal stays in the dialog."""
        kept = self.kept_index()
        self.form_error.show_message("")
        self.ok_button.setEnabled(False)
        self.tasks.run(
            functools.partial(
                merge_people,
                keep_id=self.sides[kept].details.id,
                other_id=self.sides[1 - kept].details.id,
                take_from_other=self.take_from_other(),
                based_on={side.details.id: side.details.version for side in self.sides},
            ),
            label=self.tr("Slår sammen …"),
            touches={"people", "enrolments", "deposits", "certificates", "assignments"},
            on_done=self._on_merged,
            on_error=self._on_error,
            parent=self,
        )

    def _on_merged(self, result: MergeResult) -> None:
        self.merged.emit(result)
        self.accept()

    def _on_error(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.form_error.show_refusal(exc)
        if isinstance(exc, ChangedElsewhereError):
            first, second = (side.details.id for side in self.sides)
            stale_form.offer_stored(
                self,
                self.tasks,
                exc,
                load=functools.partial(merge_preview, first, second),
                label=self.tr("Henter personene …"),
                show=functools.partial(self._show_stored, exc.message),
            )

    def _show_stored(self, conflict: str, preview: MergePreview) -> None:
        """Show both records as stored now; the user's choices stay, the next merge builds on these."""
        self.sides = (preview.keep, preview.other)
        self._show_values()
        self.form_error.show_message(
            conflict
            + "\n"
            + self.tr("Verdiene over er slik de er lagret nå. Se over valgene og slå sammen igjen.")
        )


def open_merge(
    tasks: TaskRunner,
    parent: QWidget,
    first_id: int,
    second_id: int,
    on_merged: Callable[[MergeResult], None] | None = None,
) -> None:
    """Fetch both records on the worker, show the merge dialog, and say what moved once merged."""

    def show(preview: MergePreview) -> None:
        dialog = MergePeopleDialog(tasks, preview, parent)
        dialog.merged.connect(functools.partial(_merged, parent, on_merged))
        dialog.exec()

    tasks.run(
        functools.partial(merge_preview, first_id, second_id),
        label=QCoreApplication.translate("MergePeopleDialog", "Henter personene …"),
        on_done=show,
        parent=parent,
    )


def _merged(parent: QWidget, on_merged: Callable[[MergeResult], None] | None, result: MergeResult) -> None:
    messages.show_info(parent, result.message)
    if on_merged is not None:
        on_merged(result)
