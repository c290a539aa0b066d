"""Record refunds for several enrolments at once, all or nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from coursekeeper.domain.money import format_kr
from coursekeeper.i18n import tr, tr_n
from coursekeeper.services import deposits
from coursekeeper.services.deposit_batches import EntryBatch, record_each


class RefundBatch(EntryBatch):
    """What ``record_refunds`` wrote: one entry id per enrolment, and the total paid back."""

    @property
    def message(self) -> str:
        """One line for the user."""
        return tr_n(
            "{n} tilbakebetaling registrert, til sammen {total}.",
            "{n} tilbakebetalinger registrert, til sammen {total}.",
            len(self.entry_ids),
            total=format_kr(self.total_ore),
        )


def record_refunds(
    *,
    enrolment_ids: Iterable[int],
    refunded_on: dt.date,
    method: str = "",
    reference: str = "",
    note: str = "",
) -> RefundBatch:
    """Refund everything held for each enrolment in ONE transaction: either all are recorded or none.

    A refusal for one enrolment names the person and rolls back the whole batch.
    """
    batch = record_each(
        enrolment_ids,
        lambda enrolment_id: deposits.record_refund(
            enrolment_id=enrolment_id,
            refunded_on=refunded_on,
            method=method,
            reference=reference,
            note=note,
        ),
        tr("Ingen tilbakebetalinger er registrert."),
        none_chosen=tr("Velg minst én påmelding å tilbakebetale."),
    )
    return RefundBatch(batch.entry_ids, batch.total_ore)
