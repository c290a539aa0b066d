"""PNGs of the batch actions: ``python tests/screenshots_batch.py OUTDIR [nb|en]``.

Uses the demo and the machinery of ``tests/screenshots.py``; shoots the course page with several
rows selected, its context menu, the confirmation of a batch and the screening dialog for several,
at 1280×720 and 1920×1080.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests import screenshots  # noqa: E402
from tests.screenshots import Context  # noqa: E402


def _selected_page(width: int, height: int) -> Callable[[Context], object]:
    def shot(ctx: Context) -> object:
        ctx.window.resize(width, height)
        page = screenshots._page(ctx)
        page.select_enrolments([r.id for r in page.model.rows()[:4]])
        ctx.settle()
        return ctx.window

    return shot


def _popup(ctx: Context, table, entries) -> object:
    """The right-click menu shown without waiting in its event loop, so it can be grabbed."""
    from coursekeeper.ui.widgets.context_menu import build_menu

    menu = build_menu(table, entries)
    ctx.keep.append(menu)
    menu.popup(table.viewport().mapToGlobal(table.rect().center()))
    ctx.settle()
    return menu


def _context_menu(ctx: Context) -> object:
    page = screenshots._page(ctx)
    page.select_enrolments([r.id for r in page.model.rows()[:4]])
    return _popup(ctx, page.table, page.enrolment_actions.menu_entries())


def _confirmation(ctx: Context) -> object:
    from coursekeeper.services import enrolment_batches

    page = screenshots._page(ctx)
    rows = page.model.rows()
    return _confirm_box(
        ctx, page, enrolment_batches.preview_batch(action="withdraw", enrolment_ids=[r.id for r in rows[:5]])
    )


def _confirmation_of_990(ctx: Context) -> object:
    """Accepting 990 applicants on a course of 15: the lists are cut short, the buttons stay visible."""
    from coursekeeper.domain.states import EnrolmentState
    from coursekeeper.services.enrolment_batches import BatchAction, BatchPlan, BatchStep

    steps = tuple(
        BatchStep(
            i,
            f"Deltaker {i:03d} Ødegård",
            EnrolmentState.ACCEPTED if i < 15 else EnrolmentState.WAITLISTED,
            "",
            waitlisted_instead=i >= 15,
        )
        for i in range(990)
    )
    return _confirm_box(ctx, screenshots._page(ctx), BatchPlan(BatchAction("accept"), steps))


def _confirm_box(ctx: Context, page, plan) -> object:
    """The batch confirmation of ``plan`` as the page shows it."""
    from PySide6.QtWidgets import QMessageBox

    from coursekeeper.services import enrolment_batches
    from coursekeeper.ui import messages

    question = page.enrolment_actions.tr("Vil du fortsette?")
    text = enrolment_batches.describe(plan, before=True) + "\n\n" + question
    box = messages._box(ctx.window, QMessageBox.Icon.Question, "Trekk", text)
    box.addButton("Trekk", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Avbryt", QMessageBox.ButtonRole.RejectRole)
    ctx.keep.append(box)
    box.show()
    ctx.settle()
    return box


def _screening_for_several(ctx: Context) -> object:
    from coursekeeper.ui.dialogs.batch_screening_dialog import BatchScreeningDialog

    page = screenshots._page(ctx)
    dialog = BatchScreeningDialog(page.model.rows()[:4], ctx.window)
    ctx.keep.append(dialog)
    dialog.show()
    ctx.settle()
    return dialog


def _deposit_menu(ctx: Context) -> object:
    view = ctx.window.show_view("deposits")
    ctx.settle()
    panel = view.status_panel
    panel.table.selectRow(0)
    return _popup(ctx, panel.table, panel.menu_entries())


BATCH_SHOTS: list[tuple[str, Callable[[Context], object]]] = [
    ("b1_kursside_valgte_1280x720.png", _selected_page(1280, 720)),
    ("b2_kursside_valgte_1920x1080.png", _selected_page(1920, 1080)),
    ("b3_hoyreklikkmeny.png", _context_menu),
    ("b4_bekreft_trekk.png", _confirmation),
    ("b4b_bekreft_990.png", _confirmation_of_990),
    ("b5_vurdering_for_flere.png", _screening_for_several),
    ("b6_egenandeler_hoyreklikk.png", _deposit_menu),
]

if __name__ == "__main__":
    screenshots.SHOTS[:] = BATCH_SHOTS
    sys.exit(screenshots.main(sys.argv))
