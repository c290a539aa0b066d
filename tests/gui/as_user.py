"""Drive the real window as a user does: find controls by the text on them, answer dialogs as they open.

The whole-job tests use only what a user can see: buttons and menu entries by their text,
fields by the label beside them (or their object name), table rows by the text in a cell. Modal
dialogs and context menus block in ``exec()``, so answers are queued with :meth:`User.then`
before the click that opens them; a timer finds each one when it appears and runs the answer.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QProgressDialog,
    QSpinBox,
    QTextEdit,
    QWidget,
)

INPUTS = (QLineEdit, QComboBox, QSpinBox, QDateEdit, QPlainTextEdit, QTextEdit)


def plain(text: str) -> str:
    """Button or label text as the user reads it: no mnemonic '&', no trailing colon or dots."""
    return re.sub(r"&(?!&)", "", text).replace("&&", "&").strip().rstrip(":").rstrip("…").strip()


class User:
    """One user at the keyboard of ``window``; ``qtbot`` waits, ``tasks`` is the worker to wait for."""

    def __init__(self, qtbot, window: QWidget, tasks) -> None:
        self.qtbot = qtbot
        self.window = window
        self.tasks = tasks
        self._answers: list[Callable[[QWidget], None]] = []
        self.errors: list[BaseException] = []
        self._timer = QTimer()
        self._timer.setInterval(15)
        self._timer.timeout.connect(self._answer_next)
        self._timer.start()

    # -- waiting ---------------------------------------------------------------------------------

    def settle(self, timeout_s: float = 60.0) -> None:
        """Let queued work on the worker finish and the window catch up.

        An answered dialog may queue new work while events are processed, so this waits until the
        worker stays idle across a round of event processing.
        """
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            self.tasks.wait_idle(int(max(deadline - time.monotonic(), 0.1) * 1000))
            QApplication.processEvents()
            self.raise_errors()
            if self.tasks.is_idle() and not self._answers:
                return
            if self._answers:
                time.sleep(0.01)  # a dialog opened with open() is answered by the timer
        modal = QApplication.activeModalWidget()
        title = modal.windowTitle() if modal else None
        waiting = f"; {len(self._answers)} answer(s) for dialogs that never opened" if self._answers else ""
        raise AssertionError(f"the worker did not finish in {timeout_s:.0f} s (open: {title}{waiting})")

    def raise_errors(self) -> None:
        """Fail the test with the first error raised inside a dialog answer."""
        if self.errors:
            error, self.errors = self.errors[0], []
            raise error

    def then(self, answer: Callable[[QWidget], None]) -> None:
        """Run ``answer(widget)`` on the next modal dialog or popup menu that opens."""
        self._answers.append(answer)

    def all_answered(self) -> bool:
        """Whether every queued answer has run."""
        return not self._answers

    def _answer_next(self) -> None:
        if not self._answers:
            return
        widget = QApplication.activePopupWidget() or QApplication.activeModalWidget()
        if widget is None or widget.property("answeredByUser") or not widget.isVisible():
            return
        if isinstance(widget, QProgressDialog):
            return  # «Arbeider …» comes and goes by itself; it is not a question to answer
        widget.setProperty("answeredByUser", True)  # not id(): a new dialog may reuse a freed address
        answer = self._answers.pop(0)
        try:
            answer(widget)
        except BaseException as error:
            self.errors.append(error)
            widget.close()

    # -- finding ---------------------------------------------------------------------------------

    def root(self) -> QWidget:
        """The active modal dialog, or the main window."""
        return QApplication.activeModalWidget() or self.window

    def button(self, text: str, within: QWidget | None = None) -> QAbstractButton:
        """The visible button whose text (or tooltip when it has no text) reads ``text``."""
        within = within or self.root()
        found = [
            b
            for b in within.findChildren(QAbstractButton)
            if b.isVisible() and (plain(b.text()) == plain(text) or (not b.text() and b.toolTip() == text))
        ]
        assert found, f"no visible button «{text}» in {type(within).__name__}: " + ", ".join(
            sorted({plain(b.text()) for b in within.findChildren(QAbstractButton) if b.isVisible()})
        )
        return found[0]

    def click(self, text: str, within: QWidget | None = None) -> None:
        """Click the button ``text``; queued answers handle the dialogs it opens."""
        button = self.button(text, within)
        assert button.isEnabled(), f"«{text}» is greyed out"
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        self.raise_errors()

    def choose(self, button_text: str, entry: str, within: QWidget | None = None) -> None:
        """Open the menu of button ``button_text`` and pick ``entry``."""
        button = self.button(button_text, within)
        menu = button.menu()
        assert menu is not None, f"«{button_text}» has no menu"
        self.trigger(menu, entry)

    def trigger(self, menu: QMenu, entry: str) -> None:
        """Pick the menu entry ``entry`` (searching submenus)."""
        for action in menu.actions():
            if action.menu() is not None:
                try:
                    self.trigger(action.menu(), entry)
                    return
                except AssertionError:
                    continue
            if plain(action.text()) == plain(entry):
                assert action.isEnabled(), f"menu entry «{entry}» is greyed out"
                action.trigger()
                self.raise_errors()
                return
        raise AssertionError(
            f"no menu entry «{entry}»: " + ", ".join(plain(a.text()) for a in menu.actions())
        )

    def go(self, view_label: str) -> QWidget:
        """Click the navigation entry ``view_label``; the view now on screen."""
        navigation = self.window.findChild(QListWidget)
        items = [navigation.item(i) for i in range(navigation.count())]
        item = next((i for i in items if i.text() == view_label), None)
        assert item is not None, f"no navigation entry «{view_label}»: {[i.text() for i in items]}"
        rect = navigation.visualItemRect(item)
        self.qtbot.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        self.settle()
        return self.window.centralWidget()

    def tab(self, text: str, within: QWidget | None = None) -> QWidget:
        """Click the tab ``text`` (any tab bar in ``within``); the page it shows."""
        from PySide6.QtWidgets import QTabWidget

        within = within or self.root()
        for tabs in within.findChildren(QTabWidget):
            for index in range(tabs.count()):
                if tabs.isVisible() and plain(tabs.tabText(index)).startswith(plain(text)):
                    rect = tabs.tabBar().tabRect(index)
                    self.qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton, pos=rect.center())
                    self.settle()
                    return tabs.widget(index)
        raise AssertionError(f"no tab «{text}»")

    def field(self, label: str, within: QWidget | None = None) -> QWidget:
        """The input beside the label ``label`` (form layouts and buddies), or by object name."""
        within = within or self.root()
        named = within.findChild(QWidget, label)
        if named is not None:
            return named
        for form in within.findChildren(QFormLayout):
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                if item and isinstance(item.widget(), QLabel) and plain(item.widget().text()) == plain(label):
                    return form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
        for widget in within.findChildren(QLabel):
            if plain(widget.text()) == plain(label) and widget.buddy() is not None:
                return widget.buddy()
        raise AssertionError(f"no field «{label}» in {type(within).__name__}")

    def input(self, label: str, within: QWidget | None = None) -> QWidget:
        """The editable control of the field ``label`` (inside a wrapper with an error line, say)."""
        widget = self.field(label, within)
        if isinstance(widget, INPUTS):
            return widget
        inner = [w for w in widget.findChildren(QWidget) if isinstance(w, INPUTS)]
        assert inner, f"«{label}» holds no input ({type(widget).__name__})"
        return inner[0]

    def type_into(self, label: str, text: str, within: QWidget | None = None) -> None:
        """Clear the field ``label`` and type ``text`` (combo boxes: pick the entry with that text)."""
        widget = self.input(label, within)
        if isinstance(widget, QComboBox):
            index = widget.findText(text)
            if index >= 0:
                widget.setCurrentIndex(index)
                return
            assert widget.isEditable(), f"«{label}» has no entry «{text}»"
            widget.setEditText("")
            self._keys(widget.lineEdit(), text)
            return
        if isinstance(widget, QSpinBox):
            widget.setValue(int(text))
            return
        if isinstance(widget, QDateEdit):
            from PySide6.QtCore import QDate

            day, month, year = (int(part) for part in text.split("."))
            widget.setDate(QDate(year, month, day))  # as picked in its calendar pop-up
            return
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            widget.clear()
            self.qtbot.keyClicks(widget, text)
            return
        assert isinstance(widget, QLineEdit), f"«{label}» is a {type(widget).__name__}"
        widget.clear()
        self._keys(widget, text)

    def _keys(self, widget: QLineEdit, text: str) -> None:
        """Type ``text``; QTest only has keys for Latin-1, so a dash or a quote is inserted as typed."""
        if all(ord(c) < 256 for c in text):
            self.qtbot.keyClicks(widget, text)
        else:
            widget.insert(text)

    # -- tables ----------------------------------------------------------------------------------

    def table(self, within: QWidget | None = None, name: str | None = None) -> QAbstractItemView:
        """The (named, or first visible) table in ``within``."""
        within = within or self.root()
        tables = [t for t in within.findChildren(QAbstractItemView) if t.isVisible() and t.model()]
        tables = [t for t in tables if not isinstance(t, QListWidget)]
        if name is not None:
            tables = [t for t in tables if t.objectName() == name]
        assert tables, f"no visible table{' ' + name if name else ''} in {type(within).__name__}"
        return tables[0]

    @staticmethod
    def rows(table: QAbstractItemView) -> list[dict[str, str]]:
        """Every row as {column header: text shown}."""
        model = table.model()
        headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
        return [
            {h: str(model.data(model.index(r, c)) or "") for c, h in enumerate(headers)}
            for r in range(model.rowCount())
        ]

    def select(self, table: QAbstractItemView, names: list[str], column: int = 0) -> None:
        """Ctrl-click the rows whose cell in ``column`` reads one of ``names``."""
        model = table.model()
        selection = table.selectionModel()
        selection.clearSelection()
        found = []
        for r in range(model.rowCount()):
            index = model.index(r, column)
            if str(model.data(index)) in names:
                table.scrollTo(index)
                flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
                selection.select(index, flags)
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                found.append(str(model.data(index)))
        assert sorted(found) == sorted(names), f"rows {names} not all found, got {found}"
        QApplication.processEvents()

    def context_menu(self, table: QAbstractItemView, entry: str) -> None:
        """Right-click the current row of ``table`` and pick ``entry`` from the menu."""
        index: QModelIndex = table.currentIndex()
        position: QPoint = table.visualRect(index).center() if index.isValid() else QPoint(5, 5)
        self.then(lambda menu: self.trigger(menu, entry))
        table.customContextMenuRequested.emit(position)
        self.raise_errors()

    def double_click(self, table: QAbstractItemView, text: str, column: int = 0) -> None:
        """Double-click the row whose cell in ``column`` reads ``text``."""
        model = table.model()
        row = next(r for r in range(model.rowCount()) if str(model.data(model.index(r, column))) == text)
        index = model.index(row, column)
        table.scrollTo(index)
        centre = table.visualRect(index).center()
        self.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        self.qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        self.raise_errors()

    def stop(self) -> None:
        """Stop answering dialogs."""
        self._timer.stop()


def accept_dialog(ok_text: str, fill: Callable[[User, QDialog], None] | None = None, *, user: User):
    """An answer: fill the dialog (optional) and press its ``ok_text`` button."""

    def answer(dialog: QWidget) -> None:
        if fill is not None:
            fill(user, dialog)
        user.click(ok_text, within=dialog)

    return answer


def save_to(monkeypatch, folder: Path) -> list[Path]:
    """Answer every "save as" file dialog with a file in ``folder`` (native dialogs cannot be driven)."""
    from PySide6.QtWidgets import QFileDialog

    chosen: list[Path] = []

    def fake(parent, caption="", directory="", filter="", *args, **kwargs):
        path = folder / Path(directory or "fil.pdf").name
        chosen.append(path)
        return str(path), filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return chosen
