"""Write a PNG of every main view and dialog on the demo data: ``python tests/screenshots.py OUTDIR``.

``python tests/screenshots.py OUTDIR en`` shoots in English; ``SHOT_SIZE=1920x1080`` sets the
window size (default 1280x720). Not collected by pytest (the name does not start with ``test_``).
Runs offscreen on a temporary database and a temporary data folder, so nothing of the user's is
touched. Part B adds their views by extending ``SHOTS`` (a list of
``(file name, function(ctx) -> QWidget)``).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@dataclass
class Context:
    """What a shot function gets: the window, the runner, and a place to keep dialogs alive."""

    window: object
    tasks: object
    keep: list = field(default_factory=list)

    def settle(self) -> None:
        """Let queued work finish and the widgets paint."""
        from PySide6.QtCore import QCoreApplication

        self.tasks.wait_idle(20_000)
        for _ in range(5):
            QCoreApplication.processEvents()
        self.tasks.wait_idle(20_000)


def _view(key: str) -> Callable[[Context], object]:
    def shot(ctx: Context) -> object:
        ctx.window.show_view(key)
        ctx.settle()
        return ctx.window

    return shot


def _course_page(ctx: Context) -> object:
    view = ctx.window.show_view("courses")
    ctx.settle()
    view.open_course(_busiest_course(view))
    ctx.settle()
    return ctx.window


def _busiest_course(view) -> int:
    rows = view.model.all_rows()
    return max(rows, key=lambda r: (r.status == "open", r.waitlisted, r.seats_taken, r.id)).id


def _dialog(make: Callable[[Context], object]) -> Callable[[Context], object]:
    def shot(ctx: Context) -> object:
        dialog = make(ctx)
        ctx.keep.append(dialog)
        dialog.show()
        ctx.settle()
        return dialog

    return shot


def _new_course_dialog(ctx: Context) -> object:
    from coursekeeper.ui.dialogs.course_dialog import CourseDialog

    return CourseDialog(ctx.tasks, None, ctx.window)


def _edit_course_dialog(ctx: Context) -> object:
    from coursekeeper.ui.dialogs.course_dialog import CourseDialog

    view = ctx.window.views["courses"]
    return CourseDialog(ctx.tasks, _busiest_course(view), ctx.window)


def _invalid_course_dialog(ctx: Context) -> object:
    from coursekeeper.ui.dialogs.course_dialog import CourseDialog

    dialog = CourseDialog(ctx.tasks, None, ctx.window)
    dialog.municipality.setText("Bærgen")
    dialog.deposit.setText("tusen")
    dialog.binding_date.setText("31.02.2026")
    dialog.collect()
    return dialog


def _answer_conflict(ctx: Context, dialog, save: Callable[[], None]) -> None:
    """``save`` a form a colleague saved behind its back, and answer «Hent det lagrede»."""
    from coursekeeper.ui import messages

    asking, messages.confirm = messages.confirm, lambda *args: True
    try:
        save()
        ctx.settle()
    finally:
        messages.confirm = asking


def _stale_course_dialog(ctx: Context) -> object:
    """The edit form after a colleague saved the same course: refused, then built on the stored one."""
    import dataclasses

    from coursekeeper.services import audit, course_overview, courses

    dialog = _edit_course_dialog(ctx)
    dialog.show()
    ctx.settle()
    stored = course_overview.course_input(dialog.course_id)
    audit.set_actor("Kari Kollega")
    courses.update_course(
        dialog.course_id,
        dataclasses.replace(stored, capacity=stored.capacity + 2, venue="Os kulturhus, sal 2"),
    )
    audit.set_actor(None)
    dialog.venue.setText("Sotra kulturhus")
    dialog.title.setText(stored.title + " (høst)")
    _answer_conflict(ctx, dialog, dialog.submit)
    return dialog


def _stale_person_dialog(ctx: Context) -> object:
    """«Endre person» after a colleague saved the same person: refused, then built on the stored one."""
    import dataclasses

    from coursekeeper.db.models import Person
    from coursekeeper.services import audit, people
    from coursekeeper.services.person_overview import person_details
    from coursekeeper.ui.dialogs.person_dialog import PersonDialog

    person = Person.select().where(Person.anonymised_at.is_null()).order_by(Person.id).first()
    details = person_details(person.id)
    dialog = PersonDialog(ctx.tasks, details, ctx.window)
    dialog.show()
    ctx.settle()
    audit.set_actor("Kari Kollega")
    people.update_person(
        person.id, dataclasses.replace(dialog.values(), phone="911 11 111", address="Myrane 42", city="Voss")
    )
    audit.set_actor(None)
    dialog.phone.setText("924 77 647")
    dialog.address.setText("Myrane 44 (fra kurs)")
    _answer_conflict(ctx, dialog, dialog.save)
    return dialog


def _page(ctx: Context):
    view = ctx.window.show_view("courses")
    if view.stack.currentWidget() is not view.page:
        ctx.settle()
        view.open_course(_busiest_course(view))
    ctx.settle()
    return view.page


def _add_person_dialog(ctx: Context) -> object:
    from coursekeeper.ui.dialogs.add_person_dialog import AddPersonDialog

    page = _page(ctx)
    dialog = AddPersonDialog(ctx.tasks, page.overview.course, ctx.window)
    dialog.search.setText("bakke")
    dialog.search._emit()
    return dialog


def _screening_dialog(ctx: Context) -> object:
    from coursekeeper.ui.dialogs.screening_dialog import ScreeningDialog

    page = _page(ctx)
    return ScreeningDialog(ctx.tasks, page.model.all_rows()[0], ctx.window)


def _screening_with_identity_number(ctx: Context) -> object:
    """A fødselsnummer typed into the notes: the line under the field says it will not be saved."""
    dialog = _screening_dialog(ctx)
    ctx.settle()
    dialog.notes.setPlainText("Godt intervju, erfaring fra idrettslag.\nFødselsnummer 19059325305.")
    return dialog


def _course_with_identity_number(ctx: Context) -> object:
    dialog = _new_course_dialog(ctx)
    dialog.title.setText("Treningskontaktkurs Øygarden høst 2026")
    dialog.venue.setText("Straume idrettshall, kontakt 190593 25305")
    return dialog


def _attendance_dialog(ctx: Context) -> object:
    from coursekeeper.ui.dialogs.attendance_dialog import AttendanceDialog

    page = _page(ctx)
    return AttendanceDialog(ctx.tasks, page.course_id, ctx.window)


def _import_preview(ctx: Context) -> object:
    """The import wizard's preview of the messy test list (errors with long «Årsak» texts)."""
    from coursekeeper.ui.dialogs import import_wizard
    from tests.unit.services.test_imports import write_messy

    path = write_messy(Path(tempfile.mkdtemp(prefix="coursekeeper-shots-")) / "påmeldte.xlsx")
    import_wizard.ask_open_path = lambda parent: path
    wizard = import_wizard.ImportWizard(ctx.tasks, _page(ctx).course_id, ctx.window)
    wizard.resize(1000, 560)
    wizard.show()
    wizard.choose_file()
    ctx.settle()
    wizard.go_next()
    ctx.settle()
    return wizard


SHOTS: list[tuple[str, Callable[[Context], object]]] = [
    ("01_kurs.png", _view("courses")),
    ("02_kursside.png", _course_page),
    ("03_nytt_kurs.png", _dialog(_new_course_dialog)),
    ("04_rediger_kurs.png", _dialog(_edit_course_dialog)),
    ("05_kurs_feil_i_skjema.png", _dialog(_invalid_course_dialog)),
    ("05b_kurs_endret_av_en_annen.png", _dialog(_stale_course_dialog)),
    ("06_legg_til_person.png", _dialog(_add_person_dialog)),
    ("06b_person_endret_av_en_annen.png", _dialog(_stale_person_dialog)),
    ("07_egnethetsvurdering.png", _dialog(_screening_dialog)),
    ("05b_kurs_fodselsnummer.png", _dialog(_course_with_identity_number)),
    ("07b_vurdering_fodselsnummer.png", _dialog(_screening_with_identity_number)),
    ("08_oppmote.png", _dialog(_attendance_dialog)),
    ("09_innlesing_forhandsvisning.png", _dialog(_import_preview)),
    ("10_personer.png", _view("people")),
    ("20_egenandeler.png", _view("deposits")),
    ("30_kursbevis.png", _view("certificates")),
    ("40_nokkeltall.png", _view("key_figures")),
    ("90_innstillinger.png", _view("settings")),
]

# --- Part B (people, deposits, certificates, key figures): their extra screens live in screenshots_b.py ---
from tests.screenshots_b import PART_B_SHOTS  # noqa: E402

SHOTS += PART_B_SHOTS
from tests.screenshots_people import PEOPLE_SHOTS  # noqa: E402

SHOTS += PEOPLE_SHOTS
from tests.screenshots_roles import ROLE_SHOTS  # noqa: E402

SHOTS += ROLE_SHOTS
SHOTS.sort(key=lambda shot: shot[0])
# --- end of part B ---


def main(argv: list[str]) -> int:
    """Build the demo in a temporary database and write one PNG per entry of SHOTS."""
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__)
        return 1
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    language = argv[2] if len(argv) > 2 else "nb"
    only = set(argv[3:])
    temp = Path(tempfile.mkdtemp(prefix="coursekeeper-shots-"))
    os.environ["COURSEKEEPER_DATA_DIR"] = str(temp / "data")

    from PySide6.QtCore import QCoreApplication, QSettings

    from coursekeeper import app as desktop
    from coursekeeper.services import database, demo
    from coursekeeper.ui.main_window import MainWindow
    from coursekeeper.ui.tasks import TaskRunner

    qt_app = desktop.make_application(["screenshots"])
    QCoreApplication.setOrganizationName("CourseKeeperScreenshots")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(temp / "qsettings"))
    desktop.install_translators(qt_app, language)
    database.prepare("sqlite:///" + (temp / "demo.db").as_posix())
    demo.build_demo()
    tasks = TaskRunner()
    window = MainWindow(tasks)
    width, height = (int(n) for n in os.environ.get("SHOT_SIZE", "1280x720").split("x"))
    window.resize(width, height)  # SHOT_SIZE=1920x1080 for the large screen
    window.show()
    ctx = Context(window, tasks)
    ctx.settle()
    for name, make in SHOTS:
        if only and name not in only:
            continue
        widget = make(ctx)
        ctx.settle()
        widget.grab().save(str(out / name))
        print(out / name)
        if widget is not window:
            widget.close()
    window.close()
    tasks.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
