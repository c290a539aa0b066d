"""The main window: a navigation on the left, one view at a time on the right.

Start-up shows this window before the database is open (``database_ready=False``): an "opening"
page, navigation disabled, until ``set_database_ready()``. Nothing here imports peewee or the
services at module level; a view's module is imported when the view is first shown.

The code that runs before the first paint avoids PySide6's ``Qt`` namespace: its ~120 enums are
built on first access, ~10 ms — a fifth of a bare QMainWindow's whole start. ``Qt`` is imported
inside the functions that run later.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from coursekeeper import settings

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from coursekeeper.ui.change_watch import ChangeWatch
    from coursekeeper.ui.housekeeping import Housekeeping
    from coursekeeper.ui.tasks import TaskRunner

logger = logging.getLogger(__name__)


class ViewSpec(NamedTuple):
    """A navigation entry: a key, the module and class of its view, and the label and icon."""

    key: str
    module: str
    cls: str
    label: str
    icon: QStyle.StandardPixmap


def view_specs() -> list[ViewSpec]:
    """The views in navigation order (labels translated)."""

    sp = QStyle.StandardPixmap
    base = "coursekeeper.ui.views."
    return [
        ViewSpec(
            "courses",
            base + "courses_view",
            "CoursesView",
            QCoreApplication.translate("MainWindow", "Kurs"),
            sp.SP_FileDialogDetailedView,
        ),
        ViewSpec(
            "people",
            base + "people_view",
            "PeopleView",
            QCoreApplication.translate("MainWindow", "Personer"),
            sp.SP_DirHomeIcon,
        ),
        ViewSpec(
            "deposits",
            base + "deposits_view",
            "DepositsView",
            QCoreApplication.translate("MainWindow", "Egenandeler"),
            sp.SP_DriveHDIcon,
        ),
        ViewSpec(
            "certificates",
            base + "certificates_view",
            "CertificatesView",
            QCoreApplication.translate("MainWindow", "Kursbevis"),
            sp.SP_DialogApplyButton,
        ),
        ViewSpec(
            "key_figures",
            base + "key_figures_view",
            "KeyFiguresView",
            QCoreApplication.translate("MainWindow", "Nøkkeltall"),
            sp.SP_FileDialogInfoView,
        ),
        ViewSpec(
            "settings",
            base + "settings_view",
            "SettingsView",
            QCoreApplication.translate("MainWindow", "Innstillinger"),
            sp.SP_FileDialogListView,
        ),
    ]


class _LazyViews(dict):
    """Views by key, built on first use so start-up imports and builds only the view on screen."""

    def __init__(self, build: Callable[[str], QWidget]) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, key: str) -> QWidget:
        view = self._build(key)
        self[key] = view
        return view


def _centred(widget: QWidget) -> QHBoxLayout:
    """``widget`` at its natural width in the middle of a row (no ``Qt`` alignment flags needed)."""
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(widget)
    row.addStretch(1)
    return row


def _first_size() -> QSize:
    """1280×760, or less on a smaller screen (a 1280×720 laptop keeps the window on screen).

    1280 wide: every table's identifying columns fit there, in English too (tests/gui/test_column_layout).
    """
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1280, 760)
    room = screen.availableGeometry()
    return QSize(min(1280, room.width()), min(760, room.height() - 40))  # 40: the title bar


class OpeningPage(QWidget):
    """What the window shows while the database opens: one calm line, a quiet busy bar, the file."""

    def __init__(self, location: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("opening")
        self.title = QLabel(self.tr("Åpner databasen …"))
        self.title.setObjectName("openingTitle")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no percentage to promise: an indeterminate bar
        self.busy.setTextVisible(False)
        self.busy.setFixedSize(260, 6)
        self.location = QLabel()
        self.location.setObjectName("openingLocation")
        self.location.setWordWrap(True)
        self.setStyleSheet(
            "QLabel#openingTitle { font-size: 13pt; qproperty-alignment: AlignCenter; }"
            " QLabel#openingLocation { color: palette(placeholder-text); qproperty-alignment: AlignCenter; }"
        )
        self.set_location(location)

        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addSpacing(12)
        layout.addLayout(_centred(self.busy))
        layout.addSpacing(12)
        layout.addWidget(self.location)
        layout.addStretch(3)

    def set_location(self, location: str) -> None:
        """Show where the database is (a file path), or nothing."""
        self.location.setText(location)
        self.location.setVisible(bool(location))


class MainWindow(QMainWindow):
    """Navigation plus a stack of views; remembers size, position and the last view."""

    def __init__(
        self,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        database_ready: bool = True,
        location: str = "",
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self._ready = database_ready
        self.closing = False
        self.setWindowTitle("CourseKeeper")
        icon = settings.resources_dir() / "icons" / "coursekeeper.png"
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        self.specs = view_specs()
        self.views: dict[str, QWidget] = _LazyViews(self._build_view)
        self._loaded: set[str] = set()

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(180)
        self.nav.setSpacing(2)
        self.nav.setStyleSheet(
            "QListWidget#navigation { font-size: 11pt; } QListWidget::item { padding: 6px; }"
        )
        self.stack = QStackedWidget()
        for spec in self.specs:
            self.nav.addItem(QListWidgetItem(self.style().standardIcon(spec.icon), spec.label))
            self.stack.addWidget(QWidget())  # placeholder until the view is first shown

        self.opening: OpeningPage | None = None
        if not database_ready:
            self.opening = OpeningPage(location)
            self.stack.addWidget(self.opening)  # after the six views' places: their indexes stay
            self.stack.setCurrentWidget(self.opening)
            self.nav.setEnabled(False)

        from coursekeeper.ui.widgets.notice_bar import NoticeBar

        self.notices = NoticeBar()
        self.housekeeping: Housekeeping | None = None
        self.change_watch: ChangeWatch | None = None
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.notices)
        right.addWidget(self.stack, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.nav)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)
        if database_ready:
            self._add_shortcuts()  # else when the database is ready (building them loads ``Qt``)

        self.nav.currentRowChanged.connect(self._on_nav_changed)
        self.tasks.changed.connect(self._on_data_changed)
        self._restore_state()

    def is_ready(self) -> bool:
        """True once the database is open and the views may load."""
        return self._ready

    def set_database_ready(self) -> None:
        """The database is open: drop the opening page, enable navigation, load the current view."""
        if self._ready:
            return
        self._ready = True
        if self.closing:  # closed while the database opened: build nothing more
            return
        if self.opening is not None:
            self.stack.removeWidget(self.opening)
            self.opening.deleteLater()
            self.opening = None
        self.nav.setEnabled(True)
        self._add_shortcuts()
        self._hide_denied_views()
        self._on_nav_changed(self.nav.currentRow())
        self.nav.setFocus()

    def _hide_denied_views(self) -> None:
        """Views whose data the role may not read (screening: money, the register) are not offered."""
        from coursekeeper.ui import role_gate

        allowed = role_gate.allowed()
        shown = {
            "deposits": allowed.can_see_money,
            "certificates": allowed.can_see_certificates,
            "key_figures": allowed.can_see_money and allowed.can_see_certificates,
        }
        for row, spec in enumerate(self.specs):
            self.nav.item(row).setHidden(not shown.get(spec.key, True))
        if self.nav.currentItem() is None or self.nav.currentItem().isHidden():
            self.nav.setCurrentRow(0)

    def start_housekeeping(self) -> None:
        """The desktop program's own rounds: the day's backup, backup age and retention notices,
        and the backup when the window closes (``ui.housekeeping``)."""
        from coursekeeper.ui.housekeeping import Housekeeping

        self.housekeeping = Housekeeping(self.tasks, self.notices, lambda: self.show_view("settings"), self)
        self.housekeeping.start()

    def start_change_watch(self) -> None:
        """Reload the views whose data another program instance changed (``ui.change_watch``)."""
        from coursekeeper.ui.change_watch import ChangeWatch

        self.change_watch = ChangeWatch(self)
        self.change_watch.changed.connect(self._on_data_changed)

    def _build_view(self, key: str) -> QWidget:
        index = next(i for i, spec in enumerate(self.specs) if spec.key == key)
        spec = self.specs[index]
        module = importlib.import_module(spec.module)
        view = getattr(module, spec.cls)(self.tasks)
        placeholder = self.stack.widget(index)
        self.stack.insertWidget(index, view)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        return view

    def _add_shortcuts(self) -> None:
        from PySide6.QtGui import QAction, QKeySequence

        for keys, slot in (
            (QKeySequence(QKeySequence.StandardKey.Refresh), self.refresh_current),
            (QKeySequence("F5"), self.refresh_current),
            (QKeySequence(QKeySequence.StandardKey.Find), self.focus_search),
            (QKeySequence(QKeySequence.StandardKey.New), self.new_item),
            (QKeySequence("Ctrl+Q"), self.close),  # Windows has no standard Quit key; users expect this
        ):
            action = QAction(self)  # a QAction's shortcut works anywhere in its window by default
            action.setShortcut(keys)
            action.triggered.connect(slot)
            self.addAction(action)

    # -- navigation --------------------------------------------------------------------------

    def current_view(self) -> QWidget:
        """The view on screen."""
        return self.views[self.current_key()]

    def current_key(self) -> str:
        """The key of the view on screen (``courses``, ``people`` …)."""
        return self.specs[max(self.nav.currentRow(), 0)].key

    def show_view(self, key: str) -> QWidget:
        """Switch to a view by key and return it."""
        for row, spec in enumerate(self.specs):
            if spec.key == key:
                self.nav.setCurrentRow(row)
                break
        return self.views[key]

    def _on_nav_changed(self, row: int) -> None:
        if row < 0 or not self._ready:
            return
        key = self.specs[row].key
        view = self.views[key]
        self.stack.setCurrentWidget(view)
        if key not in self._loaded:
            self._loaded.add(key)
            self.views[key].reload()

    def _on_data_changed(self, areas: set[str]) -> None:
        if "people" in areas and self.housekeeping is not None:
            self.housekeeping.people_changed()
        for key, view in self.views.items():
            if set(getattr(view, "areas", ())) & set(areas):
                if view is self.current_view():
                    view.reload()
                else:
                    self._loaded.discard(key)  # reload when shown next time

    def refresh_current(self) -> None:
        """F5: reload the view on screen."""
        if self._ready:
            self.current_view().reload()

    def reload_all(self) -> None:
        """Reload everything (after a restore)."""
        if not self._ready:
            return
        self._loaded = {self.current_key()}
        self.current_view().reload()
        for view in self.views.values():
            refresh = getattr(view, "database_replaced", None)
            if refresh is not None:
                refresh()

    def focus_search(self) -> None:
        """Ctrl+F: focus the current view's search field."""
        if not self._ready:
            return
        handler = getattr(self.current_view(), "focus_search", None)
        if handler is not None:
            handler()

    def new_item(self) -> None:
        """Ctrl+N: "new" in the current view's sense (a course, a person …)."""
        if not self._ready:
            return
        handler = getattr(self.current_view(), "new_item", None)
        if handler is not None:
            handler()

    # -- state -------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        store = QSettings()
        geometry = store.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(_first_size())
        last = str(store.value("main_window/view", "courses") or "courses")
        keys = [s.key for s in self.specs]
        self.nav.setCurrentRow(keys.index(last) if last in keys else 0)

    def save_state(self) -> None:
        """Remember size, position and the view on screen."""
        store = QSettings()
        store.setValue("main_window/geometry", self.saveGeometry())
        store.setValue("main_window/view", self.current_key())

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the window state and stop the database worker."""
        self.closing = True
        self.save_state()
        self.tasks.wait_idle(10_000)
        if self.housekeeping is not None:
            self.housekeeping.on_close()
        if self.change_watch is not None:
            self.change_watch.stop()
        self.tasks.shutdown()
        super().closeEvent(event)
