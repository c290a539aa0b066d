"""Two records of the same person: find the likely pairs, and merge one into the other."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from coursekeeper.db.connection import database
from coursekeeper.db.models import Assignment, Certificate, Course, Enrolment, LedgerEntry, Person
from coursekeeper.domain.text import search_key
from coursekeeper.errors import RuleError
from coursekeeper.i18n import tr, tr_n
from coursekeeper.services import audit
from coursekeeper.services.people import PERSON_FIELDS, get_person, lock_people, person_key
from coursekeeper.services.person_overview import PersonDetails, people_details, person_details
from coursekeeper.services.versions import check_version

SAME_EMAIL = "email"
SAME_NAME_AND_BIRTH_DATE = "name_and_birth_date"


@dataclass(frozen=True)
class DuplicatePair:
    """Two people who are likely the same: ``reason`` is SAME_EMAIL or SAME_NAME_AND_BIRTH_DATE."""

    first: PersonDetails
    second: PersonDetails
    reason: str


@dataclass(frozen=True)
class MergeSide:
    """One of the two records: its facts and how many rows of each kind hang on it."""

    details: PersonDetails
    enrolments: int
    certificates: int
    ledger_entries: int
    assignments: int


@dataclass(frozen=True)
class MergePreview:
    """Both records side by side, and the courses both are on (which make the merge impossible)."""

    keep: MergeSide
    other: MergeSide
    shared_courses: list[str]


@dataclass(frozen=True)
class MergeResult:
    """What moved to the kept record, and the sentence that says so."""

    kept_id: int
    enrolments: int
    certificates: int
    ledger_entries: int
    assignments: int
    message: str


def likely_duplicates() -> list[DuplicatePair]:
    """Pairs of people with the same e-mail, or the same folded name and birth date; two queries.

    Names are compared on the stored folded key with its words sorted, so «Ødegård Åse»,
    «Aase Odegaard» and «ASE ODEGÅRD» pair up, and so does a swapped «Johansen Mats».
    """
    query = (
        Person.select(
            Person.id, Person.first_name, Person.last_name, Person.birth_date, Person.email, Person.search_key
        )
        .where(Person.anonymised_at.is_null())
        .order_by(Person.id)
    )
    groups: dict[tuple[str, object], list[int]] = defaultdict(list)
    # The driver's rows as they come: the birth date is only compared, so SQLite's ISO text does
    # as well as a date, and skipping peewee's conversions halves the time for 100,000 people.
    for pid, first, last, born, email, key in database.execute(query):
        if email:
            groups[(SAME_EMAIL, email.strip().lower())].append(pid)
        if born:
            name = " ".join(sorted((key or person_key(first, last)).split()))
            groups[(SAME_NAME_AND_BIRTH_DATE, (name, born))].append(pid)
    found: dict[tuple[int, int], str] = {}
    for (reason, _), ids in groups.items():
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                found.setdefault((a, b), reason)
    details = {d.id: d for d in people_details({pid for pair in found for pid in pair})}
    pairs = [DuplicatePair(details[a], details[b], reason) for (a, b), reason in found.items()]
    return sorted(pairs, key=lambda p: (search_key(p.first.last_name), p.first.id, p.second.id))


def _side(person_id: int) -> MergeSide:
    enrolment_ids = Enrolment.select(Enrolment.id).where(Enrolment.person == person_id)
    return MergeSide(
        person_details(person_id),
        enrolment_ids.count(),
        Certificate.select().where(Certificate.enrolment.in_(enrolment_ids)).count(),
        LedgerEntry.select().where(LedgerEntry.enrolment.in_(enrolment_ids)).count(),
        Assignment.select().where(Assignment.person == person_id).count(),
    )


def _shared_courses(keep_id: int, other_id: int) -> list[str]:
    theirs = Enrolment.select(Enrolment.course).where(Enrolment.person == other_id)
    query = (
        Course.select(Course.title)
        .join(Enrolment)
        .where((Enrolment.person == keep_id) & (Enrolment.course.in_(theirs)))
        .order_by(Course.title)
    )
    return [title for (title,) in query.tuples()]


def merge_preview(keep_id: int, other_id: int) -> MergePreview:
    """Both records with their counts, for the user to choose which values to keep."""
    return MergePreview(_side(keep_id), _side(other_id), _shared_courses(keep_id, other_id))


def default_choices(keep: PersonDetails, other: PersonDetails) -> frozenset[str]:
    """The fields taken from ``other``: those empty on the kept record and filled on the other."""
    return frozenset(f for f in PERSON_FIELDS if not getattr(keep, f) and getattr(other, f))


_COLUMNS = {  # PERSON_FIELDS → the Person column that holds it
    "first_name": "first_name",
    "last_name": "last_name",
    "birth_date": "birth_date",
    "email": "email",
    "phone": "phone",
    "address": "address",
    "postal_code": "postal_code",
    "city": "city",
    "municipality": "municipality_id",
}


def merge_people(
    *,
    keep_id: int,
    other_id: int,
    take_from_other: Iterable[str] | None = None,
    based_on: Mapping[int, int] | None = None,
) -> MergeResult:
    """Move everything of ``other_id`` to ``keep_id`` and delete ``other_id``; one transaction.

    Enrolments move (their payments and certificates with them), and assignments. Fields named in
    ``take_from_other`` get the other record's value; None takes what only the other has.
    ``based_on``: each person's version as the user saw it; refused when either moved since.
    """
    if keep_id == other_id:
        raise RuleError(tr("Velg to forskjellige personer å slå sammen."))
    with database.atomic():
        lock_people(keep_id, other_id)
        for person_id in (keep_id, other_id):
            check_version(Person, person_id, (based_on or {}).get(person_id), "person")
        keep, other = get_person(keep_id), get_person(other_id)
        if keep.anonymised_at or other.anonymised_at:
            raise RuleError(tr("En anonymisert person kan ikke slås sammen med en annen."))
        shared = _shared_courses(keep_id, other_id)
        if shared:
            raise RuleError(
                tr_n(
                    "Begge er påmeldt kurset {kurs}. Meld den ene av før du slår sammen.",
                    "Begge er påmeldt kursene {kurs}. Meld den ene av før du slår sammen.",
                    len(shared),
                    kurs=", ".join(f"«{t}»" for t in shared),
                )
            )
        if take_from_other is None:
            chosen = default_choices(person_details(keep_id), person_details(other_id))
        else:
            chosen = frozenset(take_from_other)
        unknown = chosen - set(PERSON_FIELDS)
        if unknown:
            raise RuleError(tr("Ukjent felt: {felt}.", felt=", ".join(sorted(unknown))))
        before = {"kept": audit.snapshot(keep), "merged": audit.snapshot(other)}
        enrolment_ids = [
            e for (e,) in Enrolment.select(Enrolment.id).where(Enrolment.person == other_id).tuples()
        ]
        moved = {
            "enrolments": enrolment_ids,
            "certificates": _ids(Certificate, Certificate.enrolment.in_(enrolment_ids)),
            "ledger_entries": _ids(LedgerEntry, LedgerEntry.enrolment.in_(enrolment_ids)),
            "assignments": _ids(Assignment, Assignment.person == other_id),
        }
        Enrolment.update(person=keep_id).where(Enrolment.person == other_id).execute()
        Assignment.update(person=keep_id).where(Assignment.person == other_id).execute()
        for field in chosen:
            column = _COLUMNS[field]
            setattr(keep, column, getattr(other, column))
        keep.search_key = person_key(keep.first_name, keep.last_name)
        keep.save()
        other.delete_instance()
        after = {"person": audit.snapshot(keep), "merged_person_id": other_id, "moved": moved}
        audit.record("merge", "person", keep_id, before=before, after=after)
        audit.record("merged_into", "person", other_id, before=before["merged"], after={"kept_id": keep_id})
    counts = {kind: len(ids) for kind, ids in moved.items()}
    return MergeResult(keep_id, **counts, message=_merged_message(keep.first_name, keep.last_name, counts))


def _ids(model: type, condition: object) -> list[int]:
    return [i for (i,) in model.select(model.id).where(condition).order_by(model.id).tuples()]


def counts_text(*, enrolments: int, certificates: int, ledger_entries: int, assignments: int) -> str:
    """``2 påmeldinger, 1 kursbevis, 1 egenandelspost, 0 oppdrag`` in the chosen language."""
    return ", ".join(
        (
            tr_n("{n} påmelding", "{n} påmeldinger", enrolments),
            tr_n("{n} kursbevis", "{n} kursbevis", certificates),
            tr_n("{n} egenandelspost", "{n} egenandelsposter", ledger_entries),
            tr_n("{n} oppdrag", "{n} oppdrag", assignments),
        )
    )


def _merged_message(first: str, last: str, counts: dict[str, int]) -> str:
    return tr(
        "Slått sammen til {navn}. Flyttet: {flyttet}.",
        navn=f"{first} {last}".strip(),
        flyttet=counts_text(**counts),
    )
