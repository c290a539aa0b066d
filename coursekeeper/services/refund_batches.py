"""Record refunds for several enrolments at once, all or nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from coursekeeper.db.connection import database
from coursekeeper.db.models import Enrolment, Person
from coursekeeper.domain.money import format_kr
from coursekeeper.errors import CourseKeeperError, ValidationError
from coursekeeper.services import deposits


@dataclass(frozen=True)
class RefundBatch:
    """What ``record_refunds`` wrote: one entry id per enrolment, and the total paid back."""

    entry_ids: tuple[int, ...]
    total_ore: int

    @property
    def message(self) -> str:
        """One line for the user."""
        count = len(self.entry_ids)
        noun = "tilbakebetaling" if count == 1 else "tilbakebetalinger"
        return f"{count} {noun} registrert, til sammen {format_kr(self.total_ore)}."


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
    ids = list(dict.fromkeys(enrolment_ids))
    if not ids:
        raise ValidationError("Velg minst én påmelding å tilbakebetale.")
    entry_ids: list[int] = []
    total = 0
    with database.atomic():
        for enrolment_id in ids:
            try:
                entry = deposits.record_refund(
                    enrolment_id=enrolment_id,
                    refunded_on=refunded_on,
                    method=method,
                    reference=reference,
                    note=note,
                )
            except CourseKeeperError as exc:
                name = _person_name(enrolment_id)
                raise type(exc)(
                    f"{name}: {exc.message} Ingen tilbakebetalinger er registrert.", details=exc.details
                ) from exc
            entry_ids.append(entry.id)
            total += entry.amount_ore
    return RefundBatch(tuple(entry_ids), total)


def _person_name(enrolment_id: int) -> str:
    row = (
        Person.select(Person.first_name, Person.last_name)
        .join(Enrolment)
        .where(Enrolment.id == enrolment_id)
        .tuples()
        .first()
    )
    return f"{row[0]} {row[1]}" if row else f"Påmelding {enrolment_id}"
