"""The certificate register: every certificate issued, valid or revoked, with its duplicates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coursekeeper.db.models import Certificate, Course, Enrolment, Person
from coursekeeper.domain.text import search_key


@dataclass(frozen=True)
class CertificateRow:
    """One certificate for lists (plain values, one joined query)."""

    id: int
    number: str
    enrolment_id: int
    person_id: int
    person_name: str
    course_id: int
    course_title: str
    issued_on: dt.date
    code: str
    revoked_at: dt.datetime | None
    revoked_reason: str
    duplicate_count: int
    last_duplicate_on: dt.date | None
    search_text: str

    @property
    def valid(self) -> bool:
        """True while the certificate is not revoked."""
        return self.revoked_at is None


def certificate_rows(*, course_id: int | None = None, person_id: int | None = None) -> list[CertificateRow]:
    """Certificates newest first, for a course, a person, or everything."""
    query = (
        Certificate.select(
            Certificate.id,
            Certificate.number,
            Enrolment.id,
            Person.id,
            Person.first_name,
            Person.last_name,
            Course.id,
            Course.title,
            Certificate.issued_on,
            Certificate.code,
            Certificate.revoked_at,
            Certificate.revoked_reason,
            Certificate.duplicate_count,
            Certificate.last_duplicate_on,
        )
        .join(Enrolment)
        .join(Course)
        .switch(Enrolment)
        .join(Person)
        .order_by(Certificate.issued_on.desc(), Certificate.year.desc(), Certificate.sequence.desc())
    )
    if course_id is not None:
        query = query.where(Course.id == course_id)
    if person_id is not None:
        query = query.where(Person.id == person_id)
    rows = []
    for t in query.tuples():
        name = f"{t[4]} {t[5]}"
        rows.append(
            CertificateRow(
                t[0],
                t[1],
                t[2],
                t[3],
                name,
                t[6],
                t[7],
                t[8],
                t[9],
                t[10],
                t[11] or "",
                t[12] or 0,
                t[13],
                search_key(f"{t[1]} {name} {t[7]}"),
            )
        )
    return rows
