"""What the printouts read: certificates and their frozen facts, addresses, dates, sheet participants."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from collections.abc import Iterable

import peewee as pw

from coursekeeper.db.models import Certificate, CourseSession, Enrolment, Municipality, Person
from coursekeeper.domain.states import EnrolmentState
from coursekeeper.domain.text import normalise_name
from coursekeeper.errors import NotFoundError, ValidationError
from coursekeeper.i18n import tr
from coursekeeper.printing import CertificatePrint, OrganisationProfile, SignInParticipant
from coursekeeper.services import certificates, courses

S = EnrolmentState

#: Enrolments that hold a seat on the day: a sign-in sheet lists these.
ON_SHEET = (S.ACCEPTED, S.COMPLETED, S.NOT_COMPLETED)

# Norwegian alphabetical order puts æ, ø, å after z; these stand-ins sort just after "z" in ASCII.
_NORWEGIAN_LETTERS = str.maketrans({"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}"})


def norwegian_sort_key(text: str) -> str:
    """Sort key in Norwegian alphabetical order (… z, æ, ø, å), ignoring case and other accents."""
    value = unicodedata.normalize("NFC", normalise_name(text).casefold()).translate(_NORWEGIAN_LETTERS)
    return "".join(ch for ch in unicodedata.normalize("NFD", value) if not unicodedata.combining(ch))


def certificate_sort_key(cert: Certificate) -> tuple[str, str, str]:
    """Certificates by the frozen last and first name, then number (as they are handed out)."""
    content = certificates.content_of(cert)
    return (
        norwegian_sort_key(content.get("last_name") or ""),
        norwegian_sort_key(content.get("first_name") or ""),
        cert.number,
    )


def recipient_addresses(person_ids: Iterable[int]) -> dict[int, list[str]]:
    """Postal address lines per person (street, then ``5353 Straume``); empty when none is known."""
    ids = sorted(set(person_ids))
    if not ids:
        return {}
    result: dict[int, list[str]] = {}
    query = Person.select(Person.id, Person.address, Person.postal_code, Person.city).where(
        Person.id.in_(ids)
    )
    for pid, address, postal_code, city in query.tuples():
        postal = " ".join(p for p in ((postal_code or "").strip(), (city or "").strip()) if p)
        result[pid] = [line for line in ((address or "").strip(), postal) if line]
    return result


def course_dates(course_ids: Iterable[int]) -> dict[int, list[dt.date]]:
    """Session dates per course, in order."""
    ids = sorted(set(course_ids))
    if not ids:
        return {}
    result: dict[int, list[dt.date]] = {cid: [] for cid in ids}
    query = (
        CourseSession.select(CourseSession.course, CourseSession.date)
        .where(CourseSession.course.in_(ids))
        .order_by(CourseSession.date)
    )
    for cid, day in query.tuples():
        result[cid].append(day)
    return result


def participants_for_sheet(course_id: int) -> list[SignInParticipant]:
    """Participants with a seat, ``Etternavn, Fornavn`` in Norwegian order, with municipality."""
    query = (
        Enrolment.select(Person.first_name, Person.last_name, Municipality.name)
        .join(Person)
        .join(Municipality, pw.JOIN.LEFT_OUTER, on=(Person.municipality == Municipality.id))
        .where((Enrolment.course == course_id) & Enrolment.state.in_([s.value for s in ON_SHEET]))
    )
    rows = sorted(query.tuples(), key=lambda r: (norwegian_sort_key(r[1]), norwegian_sort_key(r[0])))
    return [
        SignInParticipant(", ".join(p for p in (last.strip(), first.strip()) if p), municipality or "")
        for first, last, municipality in rows
    ]


def session_time(text: str | None) -> dt.time | None:
    """``09:00`` as a time; None when empty or unreadable (the sheet then leaves it out)."""
    try:
        return dt.time.fromisoformat(text.strip()) if text and text.strip() else None
    except ValueError:
        return None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def certificate_print(
    cert: Certificate,
    profile: OrganisationProfile,
    *,
    duplicate_on: dt.date | None = None,
) -> CertificatePrint:
    """A certificate as printed: every fact from its frozen content; logo and address from now."""
    content = certificates.content_of(cert)
    # The signatory at issue is part of the signed content; today's profile only fills a gap.
    if content.get("signatory_name"):
        signatory = (content["signatory_name"], content.get("signatory_title") or "")
    else:
        signatory = (profile.signatory_name, profile.signatory_title)
    organisation = dataclasses.replace(
        profile,
        name=content.get("organisation") or profile.name,
        signatory_name=signatory[0],
        signatory_title=signatory[1],
    )
    return CertificatePrint(
        number=content.get("number") or cert.number,
        code=cert.code,
        issued_on=_date(content.get("issued_on")) or cert.issued_on,
        place=content.get("place") or "",
        first_name=content.get("first_name") or "",
        last_name=content.get("last_name") or "",
        birth_date=_date(content.get("birth_date")),
        course_title=content.get("course_title") or "",
        session_dates=[dt.date.fromisoformat(d) for d in content.get("session_dates") or []],
        total_minutes=int(content.get("total_minutes") or 0),
        topics=list(content.get("topics") or []),
        co_organisers=list(content.get("co_organisers") or []),
        organisation=organisation,
        duplicate_on=duplicate_on,
        revoked=cert.revoked_at is not None,
        revoked_reason=cert.revoked_reason or "",
    )


def select_certificates(course_id: int | None, certificate_ids: list[int] | None) -> list[Certificate]:
    """A course's certificates in name order, or the chosen ones in the chosen order (revoked too)."""
    if course_id is None and certificate_ids is None:
        raise ValidationError(tr("Velg et kurs eller kursbevisene som skal skrives ut."))
    query = Certificate.select(Certificate, Enrolment).join(Enrolment)
    if course_id is not None:
        courses.get_course(course_id)
        query = query.where(Enrolment.course == course_id)
    if certificate_ids is None:
        return sorted(query, key=certificate_sort_key)
    wanted = list(dict.fromkeys(certificate_ids))
    found = {c.id: c for c in query.where(Certificate.id.in_(wanted))} if wanted else {}
    for cid in wanted:
        if cid not in found:
            raise NotFoundError(
                tr("Fant ikke kursbevis med id {id} på dette kurset.", id=cid)
                if course_id is not None
                else tr("Fant ikke kursbevis med id {id}.", id=cid)
            )
    return [found[cid] for cid in wanted]  # the order the user chose
