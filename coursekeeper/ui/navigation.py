"""Jumping from a row in one view to the page of its person or course in another view."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def _main_window(widget: QWidget) -> QWidget | None:
    """The main window holding ``widget`` (None for a widget shown on its own, e.g. in a test)."""
    window = widget.window()
    return window if hasattr(window, "show_view") else None


def open_person(widget: QWidget, person_id: int) -> None:
    """Show the person's page under «Personer»."""
    window = _main_window(widget)
    if window is not None:
        window.show_view("people").open_person(person_id)


def open_course(widget: QWidget, course_id: int, enrolment_id: int | None = None) -> None:
    """Show the course's page under «Kurs», with the cursor on ``enrolment_id`` when given."""
    window = _main_window(widget)
    if window is not None:
        window.show_view("courses").open_course(course_id, select=enrolment_id)
