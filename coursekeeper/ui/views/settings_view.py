"""Innstillinger: the organiser profile, the language, backups, privacy and staff (each its own panel)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coursekeeper.errors import ChangedElsewhereError, CourseKeeperError
from coursekeeper.services import organisations
from coursekeeper.services.organisations import OwnProfile
from coursekeeper.ui import messages, role_gate, stale_form
from coursekeeper.ui.tasks import TaskRunner
from coursekeeper.ui.views.backup_panel import BackupPanel
from coursekeeper.ui.views.privacy_panel import PrivacyPanel
from coursekeeper.ui.views.staff_panel import StaffPanel
from coursekeeper.ui.widgets.form_field import FieldWithError

LANGUAGE_KEY = "language"
MAX_LOGO_BYTES = 2_000_000


class SettingsView(QWidget):
    """Settings in three groups; the profile is saved with «Lagre profilen»."""

    areas = frozenset({"settings"})

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.logo: bytes | None = None
        self._profile_version: int | None = None  # of the profile the form was filled from
        title = QLabel(self.tr("Innstillinger"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")

        self.name = QLineEdit()
        self.prefix = QLineEdit()
        self.prefix.setMaxLength(10)
        self.prefix.setPlaceholderText(self.tr("For eksempel HIK"))
        self.address = QLineEdit()
        self.postal_code = QLineEdit()
        self.postal_code.setMaximumWidth(80)
        self.city = QLineEdit()
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.signatory_name = QLineEdit()
        self.signatory_title = QLineEdit()
        self.logo_preview = QLabel(self.tr("Ingen logo"))
        self.logo_preview.setFixedSize(180, 70)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px solid palette(mid);")
        self.logo_button = QPushButton(self.tr("Velg logo …"))
        self.logo_button.clicked.connect(self.choose_logo)
        self.logo_remove = QPushButton(self.tr("Fjern logo"))
        self.logo_remove.clicked.connect(self.remove_logo)
        self.fields = {
            key: FieldWithError(widget)
            for key, widget in (
                ("name", self.name),
                ("prefix", self.prefix),
                ("address", self.address),
                ("postal_code", self.postal_code),
                ("city", self.city),
                ("email", self.email),
                ("phone", self.phone),
                ("signatory_name", self.signatory_name),
                ("signatory_title", self.signatory_title),
            )
        }
        self._opened: dict[str, object] = {}  # what the profile form showed when filled from the database
        self._opened_logo: bytes | None = None
        self.save_button = QPushButton(self.tr("Lagre profilen"))
        self.save_button.clicked.connect(self.save_profile)
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)  # a refusal names who saved in between, and when
        role_gate.gate("can_write_settings", self.save_button, self.logo_button, self.logo_remove)

        profile = QGroupBox(self.tr("Organisasjonen (står på kursbevis og brev)"))
        form = QFormLayout(profile)
        form.addRow(self.tr("&Navn:"), self.fields["name"])
        form.addRow(self.tr("&Prefiks for kursbevisnummer:"), self.fields["prefix"])
        form.addRow(self.tr("&Adresse:"), self.fields["address"])
        place = QHBoxLayout()
        place.addWidget(self.fields["postal_code"], 0, Qt.AlignmentFlag.AlignTop)
        place.addWidget(self.fields["city"], 1, Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("Postnummer og sted:"), place)
        form.addRow(self.tr("&E-post:"), self.fields["email"])
        form.addRow(self.tr("&Telefon:"), self.fields["phone"])
        form.addRow(self.tr("&Underskriver:"), self.fields["signatory_name"])
        form.addRow(self.tr("Underskriverens &tittel:"), self.fields["signatory_title"])
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(self.logo_button)
        logo_row.addWidget(self.logo_remove)
        logo_row.addStretch(1)
        form.addRow(self.tr("Logo:"), logo_row)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.saved_label, 1)
        form.addRow("", save_row)

        self.language = QComboBox()
        self.language.addItem("Norsk bokmål", "nb")
        self.language.addItem("English", "en")
        current = str(QSettings().value(LANGUAGE_KEY, "nb") or "nb")
        self.language.setCurrentIndex(max(self.language.findData(current), 0))
        self.language.currentIndexChanged.connect(self._on_language_changed)
        self.language_note = QLabel()
        self.language_note.hide()
        language = QGroupBox(self.tr("Språk"))
        lform = QFormLayout(language)
        lform.addRow(self.tr("Sp&råk i programmet:"), self.language)
        lform.addRow("", self.language_note)

        self.backups = BackupPanel(tasks)
        # The retention rules propose erasures: a matter for those who may erase (administrators).
        self.privacy = PrivacyPanel(tasks) if role_gate.allowed().can_erase else None
        self.staff: StaffPanel | None = None
        if role_gate.allowed().shared and role_gate.allowed().can_manage_staff:
            self.staff = StaffPanel(tasks)  # administrators on a shared server only

        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(title)
        column.addWidget(profile)
        column.addWidget(language)
        column.addWidget(self.backups)
        if self.privacy is not None:
            column.addWidget(self.privacy)
        if self.staff is not None:
            column.addWidget(self.staff)
        column.addStretch(1)
        content.setMaximumWidth(860)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    # -- view contract -----------------------------------------------------------------------

    def reload(self) -> None:
        """Load the profile, the backups and the privacy settings."""
        self.backups.reload()
        if self.privacy is not None:
            self.privacy.reload()
        if self.staff is not None:
            self.staff.reload()
        self.tasks.run(
            organisations.get_own_profile, label=self.tr("Henter profilen …"), on_done=self._fill, parent=self
        )

    def _fill(self, profile: OwnProfile) -> None:
        self._profile_version = profile.version
        for widget, value in (
            (self.name, profile.name),
            (self.prefix, profile.certificate_prefix),
            (self.address, profile.address),
            (self.postal_code, profile.postal_code),
            (self.city, profile.city),
            (self.email, profile.email),
            (self.phone, profile.phone),
            (self.signatory_name, profile.signatory_name),
            (self.signatory_title, profile.signatory_title),
        ):
            widget.setText(value or "")
        self._show_logo(profile.logo)
        self._opened, self._opened_logo = stale_form.snapshot(self.fields), profile.logo

    # -- profile -----------------------------------------------------------------------------

    def _show_logo(self, data: bytes | None) -> None:
        self.logo = data
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    170, 60, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("Ingen logo"))
        self.logo_remove.setEnabled(bool(data))

    def choose_logo_file(self) -> str:
        """Ask for an image file (tests replace this)."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Velg logo"), "", self.tr("Bilder (*.png *.jpg *.jpeg)")
        )
        return path

    def choose_logo(self) -> None:
        """Read a PNG or JPEG file into the profile's logo."""
        path = self.choose_logo_file()
        if not path:
            return
        data = Path(path).read_bytes()
        if len(data) > MAX_LOGO_BYTES or not QPixmap().loadFromData(data):
            messages.show_error(
                self, self.tr("Filen kan ikke brukes som logo. Velg et PNG- eller JPEG-bilde under 2 MB.")
            )
            return
        self._show_logo(data)

    def remove_logo(self) -> None:
        """No logo on certificates and letters."""
        self._show_logo(None)

    def save_profile(self) -> None:
        """Validate inline, then save on the worker."""
        for field in self.fields.values():
            field.set_error(None)
        problems = []
        if not self.name.text().strip():
            problems.append(("name", self.tr("Skriv navnet på organisasjonen.")))
        if not re.fullmatch(r"[A-Za-z0-9]{1,10}", self.prefix.text().strip()):
            problems.append(("prefix", self.tr("Skriv 1–10 bokstaver eller sifre, for eksempel HIK.")))
        for key, text in problems:
            self.fields[key].set_error(text)
        if problems:
            self.fields[problems[0][0]].field.setFocus()
            return
        profile = OwnProfile(
            name=self.name.text(),
            certificate_prefix=self.prefix.text().strip().upper(),
            address=self.address.text().strip(),
            postal_code=self.postal_code.text().strip(),
            city=self.city.text().strip(),
            email=self.email.text().strip(),
            phone=self.phone.text().strip(),
            signatory_name=self.signatory_name.text().strip(),
            signatory_title=self.signatory_title.text().strip(),
            logo=self.logo,
            version=self._profile_version,
        )
        self.saved_label.clear()
        self.tasks.run(
            functools.partial(organisations.save_own_profile, profile),
            label=self.tr("Lagrer profilen …"),
            touches={"settings", "certificates"},
            on_done=self._on_saved,
            on_error=self._on_save_error,
            parent=self,
        )

    def _on_saved(self, profile: OwnProfile) -> None:
        self._fill(profile)
        self.saved_label.setText(self.tr("Lagret."))

    def _on_save_error(self, exc: BaseException) -> None:
        if isinstance(exc, ChangedElsewhereError):
            self.saved_label.setText(exc.message)
            stale_form.offer_stored(
                self,
                self.tasks,
                exc,
                load=organisations.get_own_profile,
                label=self.tr("Henter profilen …"),
                show=self._build_on_stored,
            )
        elif isinstance(exc, CourseKeeperError):
            field = "prefix" if "prefiks" in exc.message.lower() else "name"
            self.fields[field].set_error(exc.message)
        else:
            messages.show_exception(self, exc)

    def _build_on_stored(self, stored: OwnProfile) -> None:
        """Show ``stored`` where the user changed nothing, keep the user's changes; build on its version."""
        chosen_logo, logo_changed = self.logo, self.logo != self._opened_logo
        stale_form.build_on_stored(self.fields, self._opened, functools.partial(self._fill, stored))
        if logo_changed:
            self._show_logo(chosen_logo)
        self.saved_label.setText(self.tr("Lagre igjen for å skrive over det lagrede med det du har skrevet."))

    # -- language ----------------------------------------------------------------------------

    def _on_language_changed(self, _index: int) -> None:
        QSettings().setValue(LANGUAGE_KEY, self.language.currentData())
        self.language_note.setText(self.tr("Språket endres neste gang du starter CourseKeeper."))
        self.language_note.show()
