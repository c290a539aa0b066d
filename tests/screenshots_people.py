"""Screens for correcting people, for ``tests/screenshots.py``: new/edit person, duplicates, merge.

Each entry is ``(file name, function(ctx) -> QWidget)`` like the entries of ``SHOTS`` there.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from coursekeeper.errors import ChangedElsewhereError
from tests.screenshots_b import _dialog, _person_page


def _new_person_with_errors(ctx):
    from coursekeeper.ui.dialogs.person_dialog import PersonDialog

    view = ctx.window.show_view("people")
    view.show_list()
    dialog = PersonDialog(ctx.tasks, parent=ctx.window)
    dialog.first_name.setText("Mats")
    dialog.last_name.setText("Johansen")
    dialog.birth_date.setText("31.02.1985")
    dialog.phone.setText("12 34")
    dialog.email.setText("mats@")
    dialog.save()
    ctx.settle()
    return dialog


def _edit_person(ctx):
    from coursekeeper.ui.dialogs.person_dialog import PersonDialog

    page = _person_page(ctx)
    return PersonDialog(ctx.tasks, page.overview.details, ctx.window)


def _answering_yes(ctx, save: Callable[[], None]) -> None:
    """Run ``save`` as if a colleague saved first, answering «Hent det lagrede» with yes."""
    from coursekeeper.services import audit
    from coursekeeper.ui import messages

    confirm, messages.confirm = messages.confirm, lambda *args, **kwargs: True
    try:
        save()
        ctx.settle()
        ctx.settle()
    finally:
        messages.confirm = confirm
        audit.set_actor(None)


def _edit_person_changed_elsewhere(ctx):
    """The person form after a colleague saved the same person: refused, typed text kept."""
    from coursekeeper.services import audit, people
    from coursekeeper.ui.dialogs.person_dialog import PersonDialog

    page = _person_page(ctx)
    d = page.overview.details
    dialog = PersonDialog(ctx.tasks, d, ctx.window)
    dialog.last_name.setText(d.last_name + "-Berg")
    dialog.city.setText("Bergen")
    audit.set_actor("Kari Kollega")
    people.update_person(
        d.id,
        people.PersonInput(
            d.first_name, d.last_name, d.birth_date, d.email, d.phone, d.address, d.postal_code, "Voss",
            d.municipality_number or None,
        ),
    )  # fmt: skip
    _answering_yes(ctx, dialog.save)
    return dialog


def _end_assignment_changed_elsewhere(ctx):
    """«Avslutt oppdrag» after a colleague ended the same assignment on another day."""
    import datetime as dt

    from coursekeeper.services import assignments, audit
    from coursekeeper.ui.dialogs.end_assignment_dialog import EndAssignmentDialog

    page = _person_page(ctx)
    row = assignments.add_assignment(
        person_id=page.overview.details.id, start_date=dt.date(2026, 1, 5), municipality="Bergen"
    )
    shown = assignments.assignment_row(row.id)
    dialog = EndAssignmentDialog(ctx.tasks, shown, ctx.window)
    audit.set_actor("Kari Kollega")
    assignments.end_assignment(assignment_id=row.id, end_date=dt.date(2026, 5, 31))
    try:  # what the worker hands back when this dialog saves
        assignments.end_assignment(assignment_id=row.id, end_date=dt.date.today(), based_on=shown.version)
    except ChangedElsewhereError as refusal:
        _answering_yes(ctx, functools.partial(dialog.refused, refusal))
    return dialog


def _pick_person(ctx):
    from coursekeeper.ui.dialogs.pick_person_dialog import PickPersonDialog

    d = _person_page(ctx).overview.details
    dialog = PickPersonDialog(ctx.tasks, d.id, d.full_name, ctx.window)
    ctx.settle()
    dialog.search.setText(d.last_name)
    dialog.people.set_search(d.last_name)
    return dialog


def _make_duplicates() -> None:
    """Two demo people entered a second time: once with ASCII spelling, once with the same e-mail."""
    from coursekeeper.services import people
    from coursekeeper.services.people import PersonInput
    from coursekeeper.services.person_overview import people_details, person_details

    if people.search_people("ase.kopi@example.no"):
        return
    first, second = people_details({person_details(1).id, person_details(2).id})
    people.create_person(PersonInput(second.last_name, second.first_name, second.birth_date))
    people.create_person(PersonInput(first.first_name, first.last_name + "sen", None, first.email))
    people.create_person(PersonInput("Åse", "Ødegård", "09.04.1985"))
    people.create_person(PersonInput("ASE", "ODEGAARD", "09.04.1985", "ase.kopi@example.no", "41234567"))


def _duplicates(ctx):
    _make_duplicates()
    view = ctx.window.show_view("people")
    view.show_list()
    view.reload()
    ctx.settle()
    view.tabs.setCurrentIndex(1)
    ctx.settle()
    return ctx.window


def _merge_dialog(ctx):
    from coursekeeper.services.person_merge import merge_preview
    from coursekeeper.ui.dialogs.merge_people_dialog import MergePeopleDialog

    _make_duplicates()
    view = ctx.window.show_view("people")
    view.reload()
    ctx.settle()
    pair = next(p for p in view.duplicates.model.all_rows() if p.second.last_name == "Odegaard")
    return MergePeopleDialog(ctx.tasks, merge_preview(pair.first.id, pair.second.id), ctx.window)


PEOPLE_SHOTS: list[tuple[str, Callable]] = [
    ("17_ny_person_feil.png", _dialog(_new_person_with_errors)),
    ("18_endre_person.png", _dialog(_edit_person)),
    ("18b_endre_person_endret_av_annen.png", _dialog(_edit_person_changed_elsewhere)),
    ("18c_avslutt_oppdrag_endret_av_annen.png", _dialog(_end_assignment_changed_elsewhere)),
    ("19a_mulige_duplikater.png", _duplicates),
    ("19b_slaa_sammen.png", _dialog(_merge_dialog)),
    ("19c_slaa_sammen_med.png", _dialog(_pick_person)),
]
