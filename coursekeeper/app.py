"""Composition root of the desktop program: QApplication → MainWindow shown → database opened.

Start-up order (ARCHITECTURE "Performance notes"): the window is built and shown first, with only
PySide6 and small modules imported; the database is then opened, migrated and checked on the task
runner's worker thread (peewee, psycopg and the services are imported there, while the window
paints), and the window becomes usable when that is done. Nothing heavy is imported at module
level here: peewee, the services and the views come later, on the worker or on first use.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from coursekeeper import settings
from coursekeeper.errors import CourseKeeperError, DatabaseUnavailableError, ServerRefusedError

if TYPE_CHECKING:
    from coursekeeper.ui.main_window import MainWindow
    from coursekeeper.ui.tasks import TaskRunner

logger = logging.getLogger(__name__)

LANGUAGE_KEY = "language"
#: The user name last signed in with on a shared server (the password lives in the keyring).
SERVER_USER_KEY = "server_user"
LANGUAGES = ("nb", "en")


def setup_logging() -> None:
    """A rotating log file in the data folder (``logs/coursekeeper.log``)."""
    import logging.handlers

    folder = settings.data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "coursekeeper.log"
    root = logging.getLogger()
    if any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        return
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
    root.setLevel(logging.INFO)
    root.addHandler(handler)


def current_language() -> str:
    """The interface language stored in QSettings: ``nb`` (default) or ``en``."""
    value = str(QSettings().value(LANGUAGE_KEY, "nb") or "nb")
    return value if value in LANGUAGES else "nb"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load CourseKeeper's own translation and Qt's standard-dialog texts for ``language``.

    The Qt-free catalogue (``coursekeeper.i18n``) follows too, so refusals built in services
    arrive in the same language as the window around them.
    """
    from coursekeeper import i18n

    i18n.set_language(language)
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    names = ["nb", "no", "nn"] if language == "nb" else [language]
    for name in names:
        qt = QTranslator(app)
        if qt.load(f"qtbase_{name}", qt_dir):
            app.installTranslator(qt)
            installed.append(qt)
            break
    # English holds every text; Norwegian only the counted ones («%n plasser» → «1 plass»).
    own = QTranslator(app)
    path = settings.resources_dir() / "translations" / f"coursekeeper_{language}.qm"
    if own.load(str(path)):
        app.installTranslator(own)
        installed.append(own)
    else:
        logger.warning("No translation file %s", path)
    QLocale.setDefault(
        QLocale(QLocale.Language.NorwegianBokmal if language == "nb" else QLocale.Language.English)
    )
    return installed


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    from coursekeeper.ui import messages

    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    logger.error("Uncaught exception", exc_info=(kind, exc, tb))
    try:
        messages.show_exception(QApplication.activeWindow(), exc)
    except Exception:
        sys.__excepthook__(kind, exc, tb)


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with CourseKeeper's names (used by QSettings); nothing else, so it is cheap."""
    from coursekeeper.ui import wheel_guard

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setApplicationName("CourseKeeper")
    QCoreApplication.setOrganizationName("CourseKeeper")
    if app.findChild(wheel_guard.WheelGuard) is None:
        wheel_guard.install(app)  # type: ignore[arg-type]
    return app  # type: ignore[return-value]


def offer_demo(window, tasks, *, has_courses: bool | None = None) -> None:
    """On a first start with no courses, offer to load the demo data.

    ``has_courses`` is what the start-up task already found out on the worker; when None the
    question is asked here.
    """
    from coursekeeper.ui import messages

    if has_courses is None:
        from coursekeeper.services import course_overview

        has_courses = course_overview.has_courses()
    if has_courses:
        return
    if not messages.confirm(
        window,
        QCoreApplication.translate("app", "Velkommen til CourseKeeper"),
        QCoreApplication.translate(
            "app",
            "Databasen er tom. Vil du fylle den med demodata (kurs, personer og egenandeler) "
            "for å prøve programmet? Du kan også begynne med et tomt register.",
        ),
        QCoreApplication.translate("app", "Last inn demodata"),
        safe=True,
        cancel_text=QCoreApplication.translate("app", "Begynn med tomt register"),
    ):
        return
    from coursekeeper.services import demo

    tasks.run(
        demo.build_demo,
        label=QCoreApplication.translate("app", "Lager demodata …"),
        touches={"courses", "enrolments", "people", "deposits", "certificates", "assignments"},
        parent=window,
    )


def location_text(url: str) -> str:
    """Where the database is, for the opening page: the file of an SQLite URL, else nothing.

    (A server URL may hold a password, so it is not shown.)
    """
    if url.startswith("sqlite:///"):
        raw = unquote(url[len("sqlite:///") :])
        if raw and raw != ":memory:":
            return raw if (len(raw) > 2 and raw[1] == ":") else "/" + raw.lstrip("/")
    return ""


def open_database(url: str) -> bool:
    """On the worker thread: open, migrate and check ``url``; True when it holds any course."""
    from coursekeeper import temp_files
    from coursekeeper.services import course_overview, database

    temp_files.sweep()  # what a crash mid-write left (printing, backup, export, upgrade)
    database.prepare(url)
    return course_overview.has_courses()


class Desktop:
    """The running program after start-up: the window is on screen, the database may still open.

    ``exit_code`` is set when start-up failed (the database could not be opened) and the program
    should end; ``database_open`` once the database is open and checked; ``data_shown`` once the
    first view has loaded its rows. ``timings`` holds the clock readings start_desktop was asked for.
    """

    def __init__(self, app: QApplication, window: MainWindow, tasks: TaskRunner) -> None:
        self.app = app
        self.window = window
        self.tasks = tasks
        self.exit_code: int | None = None
        self.database_open = False
        self.data_shown = False
        self.timings: dict[str, float] = {}
        self.translators: list[QTranslator] = []
        self._in_exec = False

    def exec(self) -> int:
        """Run the event loop until the program ends; its exit code."""
        if self.exit_code is not None:
            return self.exit_code
        self._in_exec = True
        try:
            code = self.app.exec()
        finally:
            self._in_exec = False
        return self.exit_code if self.exit_code is not None else code

    def finish(self, code: int) -> None:
        """End the program with ``code``, now or (when the event loop is not running yet) in exec().

        ``QCoreApplication.exit`` outside ``exec()`` would leave Qt's quit flag set, and every
        later nested event loop (a dialog's, a test's wait) would return at once.
        """
        self.exit_code = code
        if self._in_exec:
            self.app.exit(code)


def start_desktop(
    db_arg: str | None,
    *,
    prepare: Callable[[], bool] | None = None,
    clock: Callable[[], float] | None = None,
) -> Desktop:
    """Show the main window at once, then open the database on the worker thread.

    Everything ``run_desktop`` does before ``app.exec()``; the benchmark calls this too. ``prepare``
    replaces ``open_database`` (tests); ``clock`` (e.g. ``time.perf_counter``) records when the
    window was shown, the database opened and the first view's data shown, in ``timings``.
    """
    app = make_application()
    language = current_language()
    translators = []
    # The window's own texts are Norwegian in the source: Norwegian's .qm (counted texts, Qt's
    # dialogs) can wait until after the first paint, which shows no count yet.
    if language != "nb":
        translators = install_translators(app, language)
    from coursekeeper.ui.main_window import MainWindow
    from coursekeeper.ui.tasks import TaskRunner

    tasks = TaskRunner()
    window = MainWindow(tasks, database_ready=False)
    window.show()
    app.processEvents()  # the first paint, before the worker starts importing peewee
    desktop = Desktop(app, window, tasks)
    desktop.translators = translators
    if clock is not None:
        desktop.timings["shown"] = clock()

    # After the first paint: Qt's own Norwegian texts (Avbryt, Lukk … in its dialogs), the settings
    # file, the log file, then the database on the worker.
    if language == "nb":
        desktop.translators = install_translators(app, language)
    url = settings.resolve_database_url(db_arg)
    if window.opening is not None:
        window.opening.set_location(location_text(url))
    setup_logging()
    sys.excepthook = _excepthook

    def data_shown() -> None:
        tasks.idle.disconnect(data_shown)
        desktop.data_shown = True
        if clock is not None:
            desktop.timings["data"] = clock()

    def opened(has_courses: bool) -> None:
        desktop.database_open = True
        if login:
            remember_login()
        if clock is not None:
            desktop.timings["database"] = clock()
        tasks.idle.connect(data_shown)  # after the first view's reload queued below
        window.set_database_ready()
        if not window.closing:  # not when the window was closed while the database opened
            window.start_housekeeping()
            window.start_change_watch()
            offer_demo(window, tasks, has_courses=bool(has_courses))

    login: dict[str, object] = {}

    def sign_in(message: str = "") -> bool:
        """Ask a staff member of a shared server for their user and password; False if cancelled."""
        from coursekeeper.services import server_login
        from coursekeeper.ui.dialogs.login_dialog import LoginDialog

        # The name just tried, else the one in --db / COURSEKEEPER_DB, else the last one signed in.
        user = str(login.get("user") or server_login.user_in(url) or QSettings().value(SERVER_USER_KEY, ""))
        saved = server_login.saved_password(url, user) if user and not message else None
        server = urlsplit(url).hostname or "localhost"
        store = server_login.credential_store_available()
        dialog = LoginDialog(server, user, saved, message, can_remember=store, parent=window)
        if dialog.exec() != dialog.DialogCode.Accepted:
            desktop.finish(0)
            return False
        entered = dialog.values()
        login.update(user=entered.user, password=entered.password, remember=entered.remember)
        return True

    def open_database_as_signed_in() -> bool:
        from coursekeeper.services import server_login

        target = url
        if login:
            target = server_login.with_login(url, str(login["user"]), str(login["password"]))
        return open_database(target)

    def remember_login() -> None:
        from coursekeeper.services import server_login
        from coursekeeper.ui import messages

        QSettings().setValue(SERVER_USER_KEY, login["user"])
        try:
            server_login.remember_password(
                url, str(login["user"]), str(login["password"]) if login["remember"] else None
            )
        except CourseKeeperError as exc:
            messages.show_error(window, exc.message)

    def failed(exc: BaseException) -> None:
        from coursekeeper.ui import messages

        if login and isinstance(exc, ServerRefusedError):  # back to the login dialog, saying why
            if sign_in(exc.message):
                open_in_background()
            return
        if isinstance(exc, DatabaseUnavailableError):
            logger.error("Database unavailable: %s", exc)
            messages.show_error(
                window,
                QCoreApplication.translate("app", "CourseKeeper kan ikke åpne databasen.")
                + "\n\n"
                + exc.message,
            )
            desktop.finish(2)
        else:
            messages.show_exception(window, exc)
            desktop.finish(1)

    def open_in_background() -> None:
        tasks.run(
            prepare or open_database_as_signed_in,
            label=QCoreApplication.translate("app", "Åpner databasen …"),
            on_done=opened,
            on_error=failed,
            parent=window,
            dialog=False,  # the window shows its own calm "opening" page
        )

    if prepare is None and url.startswith(("postgres://", "postgresql://")):
        from coursekeeper.services.server_login import needs_login  # small; no peewee

        if needs_login(url) and not sign_in():
            return desktop
    open_in_background()
    return desktop


def run_desktop(db_arg: str | None) -> int:
    """Open the desktop program on the database from ``--db`` / env / settings; returns the exit code.

    Exit code 2: the database could not be opened (one message said why).
    """
    desktop = start_desktop(db_arg)
    code = desktop.exec()
    desktop.tasks.shutdown()
    return code
