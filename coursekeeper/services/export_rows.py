"""The participant list's rows: one joined query, ledger sums and hours in bulk (never screening notes)."""

from __future__ import annotations

import peewee as pw

from coursekeeper.db.models import Certificate, Enrolment, LedgerEntry, Municipality, Person, Screening
from coursekeeper.domain.deposits import balance, derive_status
from coursekeeper.domain.states import EnrolmentState, ScreeningOutcome
from coursekeeper.excel.writing import ColumnSpec
from coursekeeper.services import attendance, courses
from coursekeeper.services.phone_display import display_phone

_STATE_LABELS = {s.value: s.label for s in EnrolmentState}
_OUTCOME_LABELS = {o.value: o.label for o in ScreeningOutcome}


PARTICIPANT_COLUMNS = [
    ColumnSpec("Etternavn"),
    ColumnSpec("Fornavn"),
    ColumnSpec("Fødselsdato", "date"),
    ColumnSpec("E-post"),
    ColumnSpec("Telefon", width=14),
    ColumnSpec("Adresse"),
    ColumnSpec("Postnr", width=8),
    ColumnSpec("Poststed"),
    ColumnSpec("Kommune"),
    ColumnSpec("Status"),
    ColumnSpec("Søkt", "datetime", width=17),
    ColumnSpec("Egnethet"),
    ColumnSpec("Egenandel"),
    ColumnSpec("Innbetalt", "money"),
    ColumnSpec("Timer", "hours", width=8),
    ColumnSpec("Kursbevis"),
    ColumnSpec("Kilde"),
    ColumnSpec("Merknad", width=30),
]


def participant_rows(course_id: int) -> list[list[object]]:
    """One row per enrolment: person, state, screening outcome (never its notes), deposit, hours."""
    course = courses.get_course(course_id)
    query = (
        Enrolment.select(
            Enrolment.id,
            Person.last_name,
            Person.first_name,
            Person.birth_date,
            Person.email,
            Person.phone,
            Person.address,
            Person.postal_code,
            Person.city,
            Municipality.name,
            Enrolment.state,
            Enrolment.applied_at,
            Screening.outcome,
            Enrolment.source_file,
            Enrolment.source_row,
            Enrolment.notes,
        )
        .join(Person)
        .join(Municipality, pw.JOIN.LEFT_OUTER)
        .switch(Enrolment)
        .join(Screening, pw.JOIN.LEFT_OUTER)
        .where(Enrolment.course == course_id)
        .order_by(Person.last_name, Person.first_name, Enrolment.id)
        .tuples()
    )
    ledger: dict[int, list[tuple[str, int, str | None]]] = {}
    corrected = LedgerEntry.alias("corrected")
    for eid, kind, amount, corrects_kind in (
        LedgerEntry.select(LedgerEntry.enrolment, LedgerEntry.kind, LedgerEntry.amount_ore, corrected.kind)
        .join(corrected, pw.JOIN.LEFT_OUTER, on=(LedgerEntry.corrects == corrected.id))
        .switch(LedgerEntry)
        .join(Enrolment)
        .where(Enrolment.course == course_id)
        .tuples()
    ):
        ledger.setdefault(eid, []).append((kind, amount, corrects_kind))
    hours = attendance.attended_minutes(course_id)
    numbers = dict(
        Certificate.select(Certificate.enrolment, Certificate.number)
        .join(Enrolment)
        .where((Enrolment.course == course_id) & Certificate.revoked_at.is_null())
        .tuples()
    )
    rows = []
    for t in query:
        eid = t[0]
        bal = balance(ledger.get(eid, ()))
        status = derive_status(
            bal, deposit_ore=course.deposit_ore, refund_due=False, waived=course.deposit_waived
        )
        source = f"{t[13]} rad {t[14]}" if t[13] and t[14] else (t[13] or "")
        rows.append(
            [
                t[1],
                t[2],
                t[3],
                t[4],
                display_phone(t[5]),
                t[6],
                t[7],
                t[8],
                t[9],
                _STATE_LABELS.get(t[10], t[10]),
                t[11],
                _OUTCOME_LABELS[t[12] or ScreeningOutcome.PENDING],
                status.label,
                bal.held,
                hours.get(eid, 0) / 60,
                numbers.get(eid, ""),
                source,
                t[15],
            ]
        )
    return rows
