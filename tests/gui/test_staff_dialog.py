"""«Legg til ansatt» and «Endre rolle»: what is wrong is said at its field and nothing typed is lost."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from coursekeeper.domain.staff import StaffRole
from coursekeeper.errors import ValidationError
from coursekeeper.services.staff_accounts import StaffMember, UnknownMunicipalityError
from coursekeeper.ui.dialogs.staff_dialog import RoleChoice, StaffChoice, StaffDialog


def _shown(qtbot, dialog: StaffDialog) -> StaffDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _filled(qtbot, name: str, role: StaffRole) -> StaffDialog:
    """«Legg til ansatt» with ``name``, a password typed twice and ``role`` ticked."""
    dialog = _shown(qtbot, StaffDialog())
    dialog.name.setText(name)
    dialog.password.setText("Passord-1")
    dialog.again.setText("Passord-1")
    dialog.roles[role].setChecked(True)
    return dialog


def test_an_invalid_user_name_is_said_under_it_at_once(qtbot) -> None:
    dialog = _shown(qtbot, StaffDialog())
    qtbot.keyClicks(dialog.name, "T2Ny")
    assert dialog.name_error.isVisible() and dialog.name_error.text().startswith("Ugyldig brukernavn «T2Ny»")
    dialog.password.setText("Passord-1")
    dialog.again.setText("Passord-1")
    dialog.roles[StaffRole.SCREENING].setChecked(True)
    assert not dialog.ok_button.isEnabled()
    dialog.name.setText("t2ny")
    assert not dialog.name_error.isVisible() and dialog.ok_button.isEnabled()
    assert dialog.values() == StaffChoice("t2ny", [StaffRole.SCREENING], [], "Passord-1")


def test_the_role_hint_does_not_move_anything(qtbot) -> None:
    dialog = _filled(qtbot, "kari", StaffRole.ADMIN)

    def places() -> list[object]:
        qtbot.wait(20)
        return [dialog.size()] + [
            w.mapTo(dialog, w.rect().topLeft()) for w in (dialog.municipalities, dialog.ok_button)
        ]

    before = places()
    assert dialog.error.text() == ""
    dialog.roles[StaffRole.ADMIN].setChecked(False)  # «Velg minst én rolle.» appears
    assert places() == before and dialog.error.text() == "Velg minst én rolle."
    dialog.roles[StaffRole.ADMIN].setChecked(True)
    assert places() == before and dialog.error.text() == ""


def test_a_refusal_keeps_the_dialog_open_with_everything_typed(qtbot) -> None:
    dialog = _filled(qtbot, "ola", StaffRole.MUNICIPAL)
    dialog.municipalities.setText("Bergn")
    dialog.refused(UnknownMunicipalityError("Fant ingen kommune med navn eller nummer «Bergn»."))
    assert dialog.isVisible() and dialog.places_error.isVisible()
    assert dialog.places_error.text() == "Fant ingen kommune med navn eller nummer «Bergn»."
    assert dialog.values() == StaffChoice("ola", [StaffRole.MUNICIPAL], ["Bergn"], "Passord-1")
    dialog.municipalities.setText("Bergen")
    assert not dialog.places_error.isVisible()
    dialog.refused(ValidationError("Brukernavnet «ola» finnes allerede."))
    assert dialog.form_error.isVisible() and dialog.form_error.text() == "Brukernavnet «ola» finnes allerede."


def test_changing_the_role_of_a_disabled_member_says_it_opens_the_login_again(qtbot) -> None:
    member = StaffMember("t2ny", (StaffRole.COURSE_STAFF,), (), False)
    dialog = _shown(qtbot, StaffDialog(member))
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "t2ny er deaktivert. Når du lagrer rollene, kan t2ny logge inn igjen." in texts
    assert dialog.values() == RoleChoice("t2ny", [StaffRole.COURSE_STAFF], [])
    active = _shown(qtbot, StaffDialog(StaffMember("kari", (StaffRole.ADMIN,), (), True)))
    assert not any("deaktivert" in label.text() for label in active.findChildren(QLabel))
