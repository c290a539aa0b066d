"""Screens of a shared server, for ``tests/screenshots.py``: login, Ansatte, a municipal user's course page.

The demo database is SQLite, so the signed-in role is set as the server would report it
(``services.permissions``) while each screen is built, and the staff list is shown as given.
Each entry is ``(file name, function(ctx) -> QWidget)`` like the entries of ``SHOTS`` there.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from coursekeeper.domain.staff import StaffRole
from coursekeeper.services import permissions
from coursekeeper.services.staff_accounts import StaffMember
from tests.screenshots_b import _dialog

STAFF = [
    StaffMember("anne.leder", (StaffRole.ADMIN,), (), True),
    StaffMember("kari.nordmann", (StaffRole.COURSE_STAFF, StaffRole.SCREENING), (), True),
    StaffMember("ola.bergen", (StaffRole.MUNICIPAL,), ("Askøy", "Bergen", "Øygarden"), True),
    StaffMember("per.vikar", (StaffRole.COURSE_STAFF,), (), False),
]


@contextmanager
def _signed_in(**capabilities: object) -> Iterator[None]:
    """Build screens as a user of a shared server with these capabilities."""
    before = permissions.current()
    shared = {"shared": True, "can_back_up": False, **capabilities}  # a server's backups are pg_dump
    permissions._current = dataclasses.replace(permissions.EVERYTHING, **shared)
    try:
        yield
    finally:
        permissions._current = before


def _login(ctx):
    from coursekeeper.ui.dialogs.login_dialog import LoginDialog

    return LoginDialog("kursserver.kommune.no", "kari.nordmann", parent=ctx.window)


def _login_refused(ctx):
    """Back at «Logg inn» after the server refused a disabled user, on a machine without a password store."""
    from coursekeeper.db.connection import server_refusal
    from coursekeeper.ui.dialogs.login_dialog import LoginDialog

    refusal = server_refusal(
        'FATAL:  role "t2ny" is not permitted to log in', "postgresql://t2ny@kursserver.kommune.no/kurs"
    )
    return LoginDialog("kursserver.kommune.no", "t2ny", None, refusal, can_remember=False, parent=ctx.window)


def _staff_view(ctx):
    """Innstillinger as an administrator, scrolled to «Ansatte»."""
    from PySide6.QtWidgets import QScrollArea

    from coursekeeper.ui.views.settings_view import SettingsView

    with _signed_in(user="anne.leder"):
        view = SettingsView(ctx.tasks)
    view.backups.reload()
    view.privacy.reload()
    view.staff.rows.show_rows(STAFF)
    view.resize(ctx.window.size())
    view.show()
    ctx.settle()
    view.findChild(QScrollArea).ensureWidgetVisible(view.staff)
    ctx.keep.append(view)
    return view


def _add_staff(ctx):
    from coursekeeper.ui.dialogs.staff_dialog import StaffDialog

    dialog = StaffDialog(None, ctx.window)
    dialog.name.setText("ola.bergen")
    dialog.password.setText("hemmelig")
    dialog.again.setText("hemmelig")
    dialog.roles[StaffRole.MUNICIPAL].setChecked(True)
    dialog.municipalities.setText("Bergen, Askøy, 4626")
    return dialog


def _add_staff_refused(ctx):
    """«Legg til ansatt» with an invalid name typed and an unknown municipality refused: all kept."""
    from coursekeeper.i18n import tr
    from coursekeeper.services.staff_accounts import UnknownMunicipalityError

    dialog = _add_staff(ctx)
    dialog.name.setText("T2Ny")
    dialog.municipalities.setText("Bergn")
    dialog.refused(
        UnknownMunicipalityError(tr("Fant ingen kommune med navn eller nummer «{text}».", text="Bergn"))
    )
    return dialog


def _change_role_disabled(ctx):
    from coursekeeper.ui.dialogs.staff_dialog import StaffDialog

    return StaffDialog(STAFF[3], ctx.window)


def _change_role(ctx):
    from coursekeeper.ui.dialogs.staff_dialog import StaffDialog

    return StaffDialog(STAFF[1], ctx.window)


def _course_page_as(ctx, **capabilities: object):
    """The busiest course's page, first row selected, built as a user with these capabilities."""
    from coursekeeper.ui.views.courses_view import CoursesView

    with _signed_in(**capabilities):
        view = CoursesView(ctx.tasks)
        view.resize(ctx.window.size())
        view.show()
        view.reload()
        ctx.settle()
        view.open_course(max(view.model.all_rows(), key=lambda r: r.seats_taken).id)
        ctx.settle()
        view.page.table.selectRow(0)
        ctx.settle()
    ctx.keep.append(view)
    return view


def _municipal_course_page(ctx):
    """A course's page as municipal staff: no screening column, course work greyed out."""
    return _course_page_as(
        ctx,
        user="ola.bergen",
        scoped=True,
        municipalities=("Bergen",),
        can_edit_courses=False,
        can_edit_people=False,
        can_see_screening=False,
        can_screen=False,
        can_pay=False,
        can_erase=False,
        can_write_settings=False,
        can_manage_staff=False,
        can_check_all=False,
    )


SCREENING_ONLY = {
    "user": "siri.vurdering",
    "can_edit_courses": False,
    "can_edit_people": False,
    "can_pay": False,
    "can_refund": False,
    "can_assign": False,
    "can_erase": False,
    "can_write_settings": False,
    "can_manage_staff": False,
    "can_check_all": False,
    "can_see_money": False,
    "can_see_certificates": False,
}


def _screening_course_page(ctx):
    """A course's page as the screening role: the outcome column, no deposit or certificate column."""
    return _course_page_as(ctx, **SCREENING_ONLY)


def _shared_backups(ctx):
    """Innstillinger on a shared server: the backup panel off, with the sentence about pg_dump."""
    from coursekeeper.ui.views.settings_view import SettingsView

    with _signed_in(user="anne.leder"):
        view = SettingsView(ctx.tasks)
    view.backups.reload()
    view.resize(ctx.window.size())
    view.show()
    ctx.settle()
    ctx.keep.append(view)
    return view


ROLE_SHOTS: list[tuple[str, Callable]] = [
    ("91_innlogging.png", _dialog(_login)),
    ("91b_innlogging_avvist.png", _dialog(_login_refused)),
    ("92_ansatte.png", _staff_view),
    ("93_legg_til_ansatt.png", _dialog(_add_staff)),
    ("93b_legg_til_ansatt_feil.png", _dialog(_add_staff_refused)),
    ("94_endre_rolle.png", _dialog(_change_role)),
    ("94b_endre_rolle_deaktivert.png", _dialog(_change_role_disabled)),
    ("95_kursside_kommuneansatt.png", _municipal_course_page),
    ("96_kursside_vurdering.png", _screening_course_page),
    ("97_sikkerhetskopi_felles_server.png", _shared_backups),
]
