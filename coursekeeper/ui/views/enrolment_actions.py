"""What a course page does to the selected enrolments: buttons, the context menu, and the batches.

Every state change goes through ``enrolment_batches``: the plan is computed on the worker and
shown in ONE confirmation (who is accepted, who goes to the waiting list, who is promoted, what
deposit is kept), the batch runs in one transaction, and ONE summary follows.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton

from coursekeeper.domain.deposits import DepositStatus
from coursekeeper.domain.states import TRANSITIONS, EnrolmentState
from coursekeeper.services import enrolment_batches
from coursekeeper.services.course_overview import EnrolmentRow
from coursekeeper.services.deposit_batches import EntryBatch
from coursekeeper.services.deposit_overview import DepositRow, deposit_rows
from coursekeeper.services.enrolment_batches import BatchPlan, ScreeningBatch
from coursekeeper.ui import labels, messages, printing_actions, role_gate
from coursekeeper.ui.dialogs.batch_screening_dialog import BatchScreeningDialog
from coursekeeper.ui.dialogs.payment_dialog import paid_message, record_payments
from coursekeeper.ui.dialogs.screening_dialog import ScreeningDialog
from coursekeeper.ui.widgets.context_menu import MenuEntry, exec_menu

if TYPE_CHECKING:
    from coursekeeper.ui.views.course_page import CoursePage

S = EnrolmentState
ENROLMENT_AREAS = frozenset({"enrolments", "courses", "deposits"})
#: Batch key → the state it moves to.
STATE_ACTIONS = {
    "accept": S.ACCEPTED,
    "waitlist": S.WAITLISTED,
    "reject": S.REJECTED,
    "withdraw": S.WITHDRAWN,
    "no_show": S.NO_SHOW,
}
#: Shown on the page as buttons; the rest sit in the «Kursbevis» menu and the context menu.
BUTTON_KEYS = ("accept", "waitlist", "reject", "withdraw", "no_show", "screening", "pay")
CERTIFICATE_KEYS = ("issue", "print", "save_pdf")
#: The capability (services.permissions) each action needs; the rest only read.
NEEDS = {
    **dict.fromkeys((*STATE_ACTIONS, *CERTIFICATE_KEYS), "can_edit_courses"),  # a print is recorded
    "screening": "can_screen",
    "pay": "can_pay",
}


class EnrolmentActions(QObject):
    """One QAction per action (for the context menu) and a button for the common ones."""

    def __init__(self, page: CoursePage) -> None:
        super().__init__(page)
        self.page = page
        self.tasks = page.tasks
        tips = {
            "accept": self.tr("Gi plass på kurset (venteliste når kurset er fullt)"),
            "withdraw": self.tr("Trekk påmeldingene (Delete)"),
            "no_show": self.tr("Tatt opp, men kom aldri"),
            "screening": self.tr("Åpne vurderingen med notater (logges), eller gi flere samme vurdering"),
            "issue": self.tr("Åpner utstedelsen med de valgte deltakerne merket"),
        }
        self.actions: dict[str, QAction] = {}
        for key, text in self._texts().items():
            action = QAction(text, self)
            action.setToolTip(tips.get(key, ""))
            action.triggered.connect(functools.partial(self.run, key))
            self.actions[key] = action
        self.buttons: dict[str, QPushButton] = {}
        for key in BUTTON_KEYS:
            button = QPushButton(self.actions[key].text())
            button.setToolTip(self.actions[key].toolTip())
            button.clicked.connect(self.actions[key].trigger)
            self.buttons[key] = button
        self.certificate_button = QPushButton(self.tr("Kursbevis"))
        certificate_menu = QMenu(self.certificate_button)
        for key in CERTIFICATE_KEYS:
            certificate_menu.addAction(self.actions[key])
        self.certificate_button.setMenu(certificate_menu)
        self.open_person_action = QAction(self.tr("Åpne personen"), self)
        self.open_person_action.triggered.connect(self.open_person)
        for key, capability in NEEDS.items():
            role_gate.gate(capability, self.actions[key], *[b for k, b in self.buttons.items() if k == key])
        role_gate.gate("can_see_certificates", self.certificate_button)

    def _texts(self) -> dict[str, str]:
        return {
            "accept": self.tr("Ta opp"),
            "waitlist": self.tr("Sett på venteliste"),
            "reject": self.tr("Avslå …"),
            "withdraw": self.tr("Trekk …"),
            "no_show": self.tr("Møtte ikke …"),
            "screening": self.tr("Egnethetsvurdering …"),
            "pay": self.tr("Registrer innbetaling …"),
            "issue": self.tr("Utsted kursbevis til de valgte …"),
            "print": self.tr("Skriv ut kursbevisene til de valgte …"),
            "save_pdf": self.tr("Lagre kursbevisene til de valgte som PDF …"),
        }

    # -- enabling and the context menu -------------------------------------------------------

    def update(self, rows: list[EnrolmentRow]) -> None:
        """Enable what applies to at least one selected row (the plan names those it skips)."""
        enabled = {
            key: any(state in TRANSITIONS[r.state] for r in rows) for key, state in STATE_ACTIONS.items()
        }
        enabled["screening"] = bool(rows)
        enabled["pay"] = any(r.deposit_status == DepositStatus.UNPAID for r in rows)
        issuable = (S.ACCEPTED, S.COMPLETED)
        enabled["issue"] = any(r.state in issuable and not r.certificate_number for r in rows)
        enabled["print"] = enabled["save_pdf"] = any(r.certificate_number for r in rows)
        for key, action in self.actions.items():
            action.setEnabled(enabled[key])
        for key, button in self.buttons.items():
            button.setEnabled(enabled[key])
        self.certificate_button.setEnabled(bool(rows))
        self.open_person_action.setEnabled(len(rows) == 1)

    def menu_entries(self) -> list[MenuEntry]:
        """Every action for the selected rows, grouped, as the right-click menu lists them."""
        entries: list[MenuEntry] = []
        for group in (tuple(STATE_ACTIONS), ("screening", "pay"), CERTIFICATE_KEYS):
            entries += [(a.text(), a.isEnabled(), a.trigger) for a in (self.actions[k] for k in group)]
            entries.append(None)
        action = self.open_person_action
        return [*entries, (action.text(), action.isEnabled(), action.trigger)]

    def show_menu(self, pos: QPoint) -> None:
        """Right-click on the table: every action for the selected rows."""
        exec_menu(self.page.table, pos, self.menu_entries())

    # -- running ---------------------------------------------------------------------------

    def run(self, key: str) -> None:
        """Do ``key`` for the selected rows."""
        rows = self.page.selected_rows()
        if not rows or (key in NEEDS and not getattr(role_gate.allowed(), NEEDS[key])):
            return
        handlers: dict[str, Callable[[list[EnrolmentRow]], None]] = {
            "screening": self.screen,
            "pay": self.pay,
            "issue": self.issue,
            "print": functools.partial(self.print_certificates, to_printer=True),
            "save_pdf": functools.partial(self.print_certificates, to_printer=False),
        }
        if key in STATE_ACTIONS:
            self.plan(key, rows)
        else:
            handlers[key](rows)

    def plan(self, key: str, rows: list[EnrolmentRow]) -> None:
        """Compute on the worker what ``key`` would do to each row; the answer goes to ``_confirm``."""
        seen = {r.id: str(r.state) for r in rows}  # a row someone else changed since is refused
        self.tasks.run(
            functools.partial(
                enrolment_batches.preview_batch,
                action=key,
                enrolment_ids=[r.id for r in rows],
                on=dt.date.today(),
                seen=seen,
            ),
            label=self.tr("Sjekker …"),
            on_done=functools.partial(self._confirm, seen),
            at_once=len(rows) >= 200,  # ~2 ms a row: 990 took 2.3 s; show that wait at once
            parent=self.page,
        )

    def _confirm(self, seen: dict[int, str], plan: BatchPlan) -> None:
        doable = plan.doable()
        if not doable:
            refused = plan.refused()
            text = refused[0].message if len(refused) == 1 else enrolment_batches.describe(plan, before=True)
            messages.show_error(self.page, text)
            return
        # One accept or waitlist asks nothing, unless it takes someone ahead of the waiting list.
        quiet = len(plan.steps) == 1 and plan.action in ("accept", "waitlist") and not doable[0].ahead
        title = self._texts()[str(plan.action)].rstrip(" …")
        if not quiet and not messages.confirm(
            self.page,
            title,
            enrolment_batches.describe(plan, before=True) + "\n\n" + self.tr("Vil du fortsette?"),
            title,
        ):
            return
        self.tasks.run(
            functools.partial(
                enrolment_batches.run_batch,
                action=str(plan.action),
                enrolment_ids=plan.doable_ids(),
                on=dt.date.today(),
                confirmed=plan,
                seen=seen,
            ),
            label=self.tr("Lagrer …"),
            touches=ENROLMENT_AREAS,
            on_done=functools.partial(self._on_done, plan),
            parent=self.page,
        )

    def _on_done(self, planned: BatchPlan, done: BatchPlan) -> None:
        if len(planned.steps) == 1:
            step = done.steps[0]
            # One row: say only what the table cannot show (waiting list instead, promotion, money).
            if step.waitlisted_instead or step.promoted or step.forfeited_ore or step.refund_due_ore:
                messages.show_info(self.page, step.message)
            return
        summary = BatchPlan(done.action, done.steps + tuple(planned.refused()))
        messages.show_info(self.page, enrolment_batches.describe(summary, before=False))

    # -- screening, payment, certificates ----------------------------------------------------

    def screen(self, rows: list[EnrolmentRow]) -> None:
        """One row: the full screening dialog; several: one outcome for all."""
        if len(rows) == 1:
            self.page.dialog = ScreeningDialog(self.tasks, rows[0], self.page)
            self.page.dialog.open()
            return
        BatchScreeningDialog(rows, self.page).run_when_accepted(
            self.tasks,
            enrolment_batches.record_screenings,
            label=self.tr("Lagrer vurderingene …"),
            touches={"screening", *ENROLMENT_AREAS},
            on_done=self._on_screened,
        )

    def _on_screened(self, batch: ScreeningBatch) -> None:
        text = (
            self.tr("Vurderingen «%1» er lagret for %2 deltakere.")
            .replace("%1", labels.screening_outcome(batch.outcome))
            .replace("%2", str(len(batch.names)))
        )
        if batch.rejected:
            text += "\n\n" + self.tr("Fått avslag (%1): %2").replace("%1", str(len(batch.rejected))).replace(
                "%2", ", ".join(batch.rejected)
            )
        messages.show_info(self.page, text)

    def pay(self, rows: list[EnrolmentRow]) -> None:
        """Fetch the selected rows' deposits on the worker, then ask for the payment."""
        wanted = {r.id for r in rows}
        self.tasks.run(
            functools.partial(deposit_rows, course_id=self.page.course_id, as_of=dt.date.today()),
            label=self.tr("Henter egenandeler …"),
            on_done=lambda found: self._ask_payment([r for r in found if r.enrolment_id in wanted]),
            parent=self.page,
        )

    def _ask_payment(self, rows: list[DepositRow]) -> None:
        unpaid = [r for r in rows if r.outstanding_ore > 0]
        if not unpaid:
            messages.show_info(self.page, self.tr("De valgte har ikke noe utestående egenandel."))
            return
        record_payments(self.page, self.tasks, unpaid, self._on_paid)

    def _on_paid(self, batch: EntryBatch) -> None:
        messages.show_info(self.page, paid_message(batch))

    def issue(self, rows: list[EnrolmentRow]) -> None:
        """The issue dialog on this course with the selected participants marked."""
        from coursekeeper.ui.dialogs.issue_certificates_dialog import IssueCertificatesDialog

        self.page.dialog = IssueCertificatesDialog(
            self.tasks, self.page.course_id, self.page, preselect=[r.id for r in rows]
        )
        self.page.dialog.open()

    def print_certificates(self, rows: list[EnrolmentRow], *, to_printer: bool) -> None:
        """The selected participants' certificates, to the printer or as a PDF."""
        write = printing_actions.print_pdf if to_printer else printing_actions.save_pdf
        self.tasks.run(
            functools.partial(
                enrolment_batches.certificate_ids_of, [r.id for r in rows if r.certificate_number]
            ),
            label=self.tr("Finner kursbevisene …"),
            on_done=lambda ids: write(
                self.page.window(), self.tasks, kind="certificates", certificate_ids=ids
            ),
            parent=self.page,
        )

    def open_person(self) -> None:
        """The person of the row under the cursor, under «Personer»."""
        self.page.open_person_at(self.page.table.currentIndex())
