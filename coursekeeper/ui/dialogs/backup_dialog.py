"""«Ta sikkerhetskopi»: where the copy goes and, optionally, a password that encrypts it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from coursekeeper.ui.dialogs.form_dialog import FormDialog
from coursekeeper.ui.widgets.form_field import FieldWithError


class BackupDialog(FormDialog):
    """A file and an optional password (typed twice); ``values()`` gives (path, password or None)."""

    def __init__(self, default: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ta sikkerhetskopi"))
        self.path = QLineEdit(str(default))
        self.path.setObjectName("backupPath")
        browse = QPushButton(self.tr("Velg …"))
        browse.clicked.connect(self.choose_path)
        where = QWidget()
        row = QHBoxLayout(where)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.password = QLineEdit()
        self.password.setObjectName("backupPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Valgfritt, minst 8 tegn"))
        self.repeat = QLineEdit()
        self.repeat.setObjectName("backupPasswordRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_field = FieldWithError(self.repeat)
        for field in (self.password, self.repeat, self.path):
            field.textChanged.connect(self._validate)
        self.form.addRow(self.tr("&Lagre i:"), where)
        self.form.addRow(self.tr("&Passord:"), self.password)
        self.form.addRow(self.tr("&Gjenta passordet:"), self.repeat_field)
        self.lay_out(
            self.tr("Ta sikkerhetskopi"),
            self.tr(
                "En kopi som skal på minnepinne eller ut av huset, bør ha passord: da er den kryptert, "
                "og ingen kan lese den uten passordet. Glemmer du passordet, kan kopien ikke brukes."
            ),
        )
        self.resize(560, self.sizeHint().height())
        self._validate()

    def choose_path(self) -> None:
        """Pick the file in a save dialog."""
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Ta sikkerhetskopi"),
            self.path.text(),
            self.tr("CourseKeeper-sikkerhetskopier (*.db *.ckbackup)"),
        )
        if chosen:
            self.path.setText(chosen)

    def _validate(self, *_args: object) -> bool:
        password, repeat = self.password.text(), self.repeat.text()
        problem = ""
        if password and len(password) < 8:
            problem = self.tr("Passordet må ha minst 8 tegn.")
        elif password and repeat and password != repeat:
            problem = self.tr("Passordene er ikke like.")
        self.repeat_field.set_error(problem)
        ok = bool(self.path.text().strip()) and not problem and (not password or password == repeat)
        self.ok_button.setEnabled(ok)
        return ok

    def values(self) -> tuple[Path, str | None]:
        """Where, and the password (None for an unprotected copy)."""
        path = Path(self.path.text().strip())
        password = self.password.text() or None
        if password and path.suffix.lower() == ".db":
            path = path.with_suffix(".ckbackup")  # the name says the copy is protected
        return path, password
