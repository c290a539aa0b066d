"""The right-click menu of a table: entries built when asked, shown where the click was."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractItemView, QMenu, QWidget

#: (text, enabled, what to do), or None for a separator.
MenuEntry = tuple[str, bool, Callable[[], object]] | None


def build_menu(parent: QWidget, entries: Iterable[MenuEntry]) -> QMenu:
    """A menu of ``entries``; choosing one closes the menu before its work starts."""
    menu = QMenu(parent)
    menu.triggered.connect(menu.close)
    for entry in entries:
        if entry is None:
            menu.addSeparator()
            continue
        text, enabled, run = entry
        # addAction connects the menu first, so the menu is closed before ``run`` opens a dialog.
        action = menu.addAction(text)
        action.setEnabled(enabled)
        action.triggered.connect(lambda _checked=False, run=run: run())
    return menu


def exec_menu(view: QAbstractItemView, pos: QPoint, entries: Iterable[MenuEntry]) -> None:
    """Show the menu at ``pos`` (viewport coordinates) until an entry is chosen or it is dismissed."""
    menu = build_menu(view, entries)
    menu.exec(view.viewport().mapToGlobal(pos))
    menu.deleteLater()
