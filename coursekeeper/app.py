"""Composition root of the desktop program: settings → database → QApplication → MainWindow."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from coursekeeper import settings
from coursekeeper.errors import DatabaseUnavailableError

logger = logging.getLogger(__name__)

LANGUAGE_KEY = "language"
LANGUAGES = ("nb", "en")


def setup_logging() -> None:
    """A rotating log file in the data folder (``logs/coursekeeper.log``)."""
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
    """Load CourseKeeper's own translation and Qt's standard-dialog texts for ``language``."""
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    names = ["nb", "no", "nn"] if language == "nb" else [language]
    for name in names:
        qt = QTranslator(app)
        if qt.load(f"qtbase_{name}", qt_dir):
            app.installTranslator(qt)
            installed.append(qt)
            break
    if language != "nb":
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
    """The QApplication with CourseKeeper's names (used by QSettings)."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setApplicationName("CourseKeeper")
    QCoreApplication.setOrganizationName("CourseKeeper")
    return app  # type: ignore[return-value]


def offer_demo(window, tasks) -> None:
    """On a first start with no courses, offer to load the demo data."""
    from coursekeeper.services import course_overview
    from coursekeeper.ui import messages

    if course_overview.has_courses():
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
    ):
        return
    from coursekeeper.services import demo

    tasks.run(
        demo.build_demo,
        label=QCoreApplication.translate("app", "Lager demodata …"),
        touches={"courses", "enrolments", "people", "deposits", "certificates", "assignments"},
        parent=window,
    )


def run_desktop(db_arg: str | None) -> int:
    """Open the desktop program on the database from ``--db`` / env / settings; returns the exit code."""
    setup_logging()
    app = make_application()
    install_translators(app, current_language())
    from coursekeeper.services import database
    from coursekeeper.ui import messages

    url = settings.resolve_database_url(db_arg)
    try:
        database.prepare(url)
    except DatabaseUnavailableError as exc:
        logger.error("Database unavailable: %s", exc)
        messages.show_error(
            None,
            QCoreApplication.translate("app", "CourseKeeper kan ikke åpne databasen.") + "\n\n" + exc.message,
        )
        return 2
    from coursekeeper.ui.main_window import MainWindow
    from coursekeeper.ui.tasks import TaskRunner

    sys.excepthook = _excepthook
    tasks = TaskRunner()
    window = MainWindow(tasks)
    window.show()
    offer_demo(window, tasks)
    code = app.exec()
    tasks.shutdown()
    return code
