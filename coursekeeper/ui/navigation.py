"""Going from a row in one view to the page it names in another (double-click, «Åpne personen»)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def open_person(widget: QWidget, person_id: int) -> None:
    """Show the person's page in Personer, from any view inside the main window."""
    show_view = getattr(widget.window(), "show_view", None)
    if show_view is not None:
        show_view("people").open_person(person_id)


def open_course(widget: QWidget, course_id: int, enrolment_id: int | None = None) -> None:
    """Show the course's page in Kurs, with the cursor on ``enrolment_id`` when given."""
    show_view = getattr(widget.window(), "show_view", None)
    if show_view is not None:
        show_view("courses").open_course(course_id, select=enrolment_id)
