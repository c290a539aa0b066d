"""Erasure (GDPR art. 17, DESIGN §6): a person's name, contact data, birth date and notes go, everywhere.

What stays: the rows themselves (so ledger totals, certificate numbers and key-figure counts do
not move), the amounts and dates. What goes: the person's fields, enrolment, screening, ledger and
assignment notes, the names on their certificates (which keep a sealed digest and still verify),
and every copy of those values in the audit log. On SQLite the freed space is zeroed and the WAL
emptied, so the words are not left in the file. Backups taken before are not touched.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from coursekeeper.db.connection import database, is_sqlite
from coursekeeper.db.models import (
    Assignment,
    AuditLog,
    Certificate,
    Enrolment,
    LedgerEntry,
    Person,
    Screening,
    now,
)
from coursekeeper.domain.certificates import erased_content
from coursekeeper.domain.chain import body_digest
from coursekeeper.domain.dates import format_date
from coursekeeper.domain.money import format_kr
from coursekeeper.errors import RuleError
from coursekeeper.i18n import tr
from coursekeeper.services import audit, deposits
from coursekeeper.services.database import ensure_secret
from coursekeeper.services.people import PERSON_FIELDS
from coursekeeper.services.person_data import PersonRecord, audit_entries, collect

ERASED_FIRST_NAME = "Slettet"
ERASED_LAST_NAME = "person"
#: Keys whose values in an audit copy are the person's own words or identity: the person's form
#: fields (the municipality is a shared reference, not theirs) and every free text about them.
PERSONAL_KEYS = (set(PERSON_FIELDS) - {"municipality"}) | {
    "search_key",
    "notes",
    "note",
    "reference",
    "content",
    "name",
}
REMOVED = "<slettet>"


@dataclass(frozen=True)
class ErasurePreview:
    """What erasing would do, shown before the user confirms."""

    person_id: int
    name: str
    held_ore: int
    enrolments: int
    certificates: int
    message: str


@dataclass(frozen=True)
class ErasureResult:
    """What was erased, in words for the user."""

    person_id: int
    message: str


def erasure_preview(person_id: int) -> ErasurePreview:
    """Who, how much money is still held for them, and what will stay."""
    record = collect(person_id)
    name = f"{record.person['first_name']} {record.person['last_name']}"
    if record.person.get("anonymised_at"):
        raise RuleError(tr("{name} er allerede slettet.", name=name))
    held = _held(record)
    parts = [
        tr(
            "Navn, fødselsdato, kontaktopplysninger og alle notater om {name} slettes overalt, "
            "også i loggen.",
            name=name,
        ),
        tr("Beløpene i regnskapet, kursbevisnumrene og tallene i nøkkeltallene blir stående."),
        tr("Sikkerhetskopier som er tatt før, endres ikke."),
    ]
    if held:
        parts.insert(
            0,
            tr(
                "Advarsel: {amount} i egenandel holdes fortsatt for {name} og er verken betalt tilbake "
                "eller beholdt.",
                amount=format_kr(held),
                name=name,
            ),
        )
    return ErasurePreview(
        person_id, name, held, len(record.enrolments), len(record.certificates), " ".join(parts)
    )


def _held(record: PersonRecord) -> int:
    balances = (
        deposits.balances(enrolment_ids=[e["id"] for e in record.enrolments]) if record.enrolments else {}
    )
    return sum(max(b.held, 0) for b in balances.values())


def _scrub_values(record: PersonRecord) -> list[str]:
    """The person's own strings, as they may stand in free text or audit copies."""
    p = record.person
    values = [p.get("first_name"), p.get("last_name"), p.get("email"), p.get("phone"), p.get("address")]
    values.append(f"{p.get('first_name')} {p.get('last_name')}")
    if p.get("birth_date"):
        day = dt.date.fromisoformat(p["birth_date"])
        values += [day.isoformat(), format_date(day)]
    return sorted({v for v in values if v and len(v) >= 3}, key=len, reverse=True)


def _scrub(value: object, needles: list[str]) -> object:
    if isinstance(value, dict):
        return {k: (REMOVED if k in PERSONAL_KEYS and v else _scrub(v, needles)) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v, needles) for v in value]
    if isinstance(value, str):
        for needle in needles:
            if needle.casefold() in value.casefold():
                return REMOVED
    return value


def _scrub_text(text: str | None, needles: list[str]) -> str | None:
    if not text:
        return text
    try:
        return json.dumps(_scrub(json.loads(text), needles), ensure_ascii=False)
    except ValueError:
        return REMOVED if any(n.casefold() in text.casefold() for n in needles) else text


def erase_person(person_id: int, *, despite_money: bool = False) -> ErasureResult:
    """Erase the person; refused while money is held for them unless ``despite_money``."""
    record = collect(person_id)
    name = f"{record.person['first_name']} {record.person['last_name']}"
    if record.person.get("anonymised_at"):
        raise RuleError(tr("{name} er allerede slettet.", name=name))
    held = _held(record)
    if held and not despite_money:
        raise RuleError(
            tr(
                "{name} kan ikke slettes ennå: {amount} i egenandel holdes fortsatt. Betal tilbake eller "
                "registrer at den beholdes først, eller velg å slette likevel.",
                name=name,
                amount=format_kr(held),
            )
        )
    needles = _scrub_values(record)
    ids = record.ids
    if is_sqlite(database):
        database.execute_sql("PRAGMA secure_delete = ON")  # freed cells are zeroed, not left in the file
    with database.atomic():
        Person.update(
            first_name=ERASED_FIRST_NAME,
            last_name=ERASED_LAST_NAME,
            birth_date=None,
            email=None,
            phone=None,
            address="",
            postal_code="",
            city="",
            municipality=None,
            search_key="",
            anonymised_at=now(),
        ).where(Person.id == person_id).execute()
        if ids["enrolment"]:
            Enrolment.update(notes="").where(Enrolment.id.in_(sorted(ids["enrolment"]))).execute()
            Screening.update(notes="").where(Screening.enrolment.in_(sorted(ids["enrolment"]))).execute()
            LedgerEntry.update(note="", reference="").where(
                LedgerEntry.enrolment.in_(sorted(ids["enrolment"]))
            ).execute()
        Assignment.update(note="").where(Assignment.person == person_id).execute()
        secret = ensure_secret()
        for cert in Certificate.select().where(Certificate.id.in_(sorted(ids["certificate"] or {0}))):
            cert.content = json.dumps(
                erased_content(json.loads(cert.content), secret, cert.code), ensure_ascii=False
            )
            cert.save()
        scrubbed = _scrub_audit(ids, needles)
        audit.record(
            "erase",
            "person",
            person_id,
            after={
                "enrolments": len(ids["enrolment"]),
                "certificates": len(ids["certificate"]),
                "audit": scrubbed,
            },
        )
    if is_sqlite(database):
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        database.execute_sql("PRAGMA secure_delete = OFF")
    return ErasureResult(
        person_id,
        tr(
            "{name} er slettet: navn, kontaktopplysninger, fødselsdato og notater er fjernet, "
            "også fra loggen. "
            "Sikkerhetskopier tatt før i dag inneholder fortsatt opplysningene.",
            name=name,
        ),
    )


def _scrub_audit(ids: dict[str, set[int]], needles: list[str]) -> int:
    """Remove the person's values from every audit copy: their rows' entries and any that name them."""
    touched = {entry.id: entry for entry in audit_entries(ids)}
    for needle in needles:
        query = AuditLog.select().where(
            (AuditLog.before.contains(needle) | AuditLog.after.contains(needle))
            & (AuditLog.action != audit.REDACT)  # a digest, never a person's words
        )
        touched.update({entry.id: entry for entry in query})
    for entry in touched.values():
        before, after = _scrub_text(entry.before, needles), _scrub_text(entry.after, needles)
        if (before, after) == (entry.before, entry.after):
            continue
        AuditLog.update(before=before, after=after).where(AuditLog.id == entry.id).execute()
        audit.record(audit.REDACT, "audit_log", entry.id, after={"body": body_digest(before, after)})
    return len(touched)
