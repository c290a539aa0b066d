"""Certificates: who qualifies, numbers never reused, frozen content, codes, revocation, verify."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from enum import StrEnum

import peewee as pw

from coursekeeper.db.connection import database
from coursekeeper.db.models import Certificate, CertificateEvent, Course, Enrolment, Person, now
from coursekeeper.domain.certificates import (
    code_matches,
    content_digest,
    erased_content_matches,
    format_number,
    normalise_code,
    verification_code,
)
from coursekeeper.domain.chain import canonical
from coursekeeper.domain.dates import format_date
from coursekeeper.domain.deposits import Balance
from coursekeeper.domain.hours import hours_number, hours_text
from coursekeeper.domain.identity_numbers import refuse_identity_numbers
from coursekeeper.domain.states import EnrolmentState, ScreeningOutcome
from coursekeeper.errors import NotFoundError, RuleError, ValidationError
from coursekeeper.i18n import tr
from coursekeeper.services import audit, chains, courses, deposits, organisations
from coursekeeper.services.attendance import attended_minutes
from coursekeeper.services.database import ensure_secret
from coursekeeper.services.enrolments import apply_state, get_enrolment
from coursekeeper.services.locks import lock_name
from coursekeeper.services.waiting_list import screening_outcome

S = EnrolmentState

NUMBERS_LOCK = "certificate numbers"


class VerificationStatus(StrEnum):
    """Result of checking a verification code."""

    VALID = "valid"
    REVOKED = "revoked"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Verification:
    """What ``verify`` found; details are empty for unknown codes."""

    status: VerificationStatus
    number: str = ""
    name: str = ""
    course_title: str = ""
    issued_on: dt.date | None = None
    revoked_reason: str = ""

    @property
    def message(self) -> str:
        """One line for the user."""
        if self.status == VerificationStatus.VALID and not self.name:
            return tr(
                "Gyldig: kursbevis {number}, «{title}», utstedt {date}. Personopplysningene er slettet.",
                number=self.number,
                title=self.course_title,
                date=format_date(self.issued_on),
            )
        if self.status == VerificationStatus.VALID:
            return tr(
                "Gyldig: kursbevis {number} for {name}, «{title}», utstedt {date}.",
                number=self.number,
                name=self.name,
                title=self.course_title,
                date=f"{self.issued_on:%d.%m.%Y}",
            )
        if self.status == VerificationStatus.REVOKED:
            return tr(
                "Tilbakekalt: kursbevis {number} er trukket tilbake ({reason}).",
                number=self.number,
                reason=self.revoked_reason,
            )
        return tr("Ukjent: koden svarer ikke til noe kursbevis utstedt av denne databasen.")


@dataclass(frozen=True)
class Eligibility:
    """Whether one enrolment can get a certificate, and why not."""

    enrolment_id: int
    person_name: str
    eligible: bool
    reasons: tuple[str, ...]
    certificate_number: str | None


def _reasons(enrolment: Enrolment, attended: int, needed: int, bal: Balance, has_cert: bool) -> list[str]:
    course = enrolment.course
    reasons = []
    if has_cert:
        reasons.append(tr("Har allerede kursbevis."))
    state = S(enrolment.state)
    if state not in (S.ACCEPTED, S.COMPLETED):
        reasons.append(tr("Status er «{state}».", state=state.label))
    elif attended < needed:
        reasons.append(
            tr(
                "Mangler timer: {attended} av {needed}.",
                attended=hours_number(attended),
                needed=hours_text(needed),
            )
        )
    if not course.deposit_waived and bal.paid < course.deposit_ore:
        reasons.append(tr("Egenandelen er ikke betalt."))
    if course.screening_required and screening_outcome(enrolment) != ScreeningOutcome.SUITABLE:
        reasons.append(tr("Ikke vurdert som egnet."))
    return reasons


def eligibility(course_id: int) -> list[Eligibility]:
    """Every enrolment that was accepted, with whether it qualifies for a certificate and why not."""
    course = courses.get_course(course_id)
    needed = courses.required_minutes(course)
    attended = attended_minutes(course_id)
    enrolments = list(
        Enrolment.select(Enrolment, Person)
        .join(Person)
        .where(
            (Enrolment.course == course)
            & Enrolment.state.in_([S.ACCEPTED, S.COMPLETED, S.NOT_COMPLETED, S.NO_SHOW])
        )
        .order_by(Person.last_name, Person.first_name)
    )
    bals = deposits.balances([e.id for e in enrolments])
    numbers = {
        eid: number
        for eid, number in Certificate.select(Certificate.enrolment, Certificate.number)
        .where(Certificate.revoked_at.is_null())
        .tuples()
    }
    result = []
    for e in enrolments:
        reasons = _reasons(e, attended.get(e.id, 0), needed, bals.get(e.id, Balance()), e.id in numbers)
        result.append(
            Eligibility(
                e.id,
                f"{e.person.first_name} {e.person.last_name}",
                not reasons,
                tuple(reasons),
                numbers.get(e.id),
            )
        )
    return result


def _content(enrolment: Enrolment, number: str, issued_on: dt.date) -> dict:
    course, person = enrolment.course, enrolment.person
    own = organisations.own_organisation()
    place = (course.municipality.name if course.municipality_id else "") or (own.city if own else "")
    return {
        "number": number,
        "issued_on": issued_on.isoformat(),
        "first_name": person.first_name,
        "last_name": person.last_name,
        "birth_date": person.birth_date.isoformat() if person.birth_date else None,
        "course_title": course.title,
        "session_dates": [s.date.isoformat() for s in courses.sessions(course.id)],
        "total_minutes": courses.total_minutes(course.id),
        "topics": courses.topics(course),
        "co_organisers": courses.co_organiser_names(course.id),
        "venue": course.venue,
        "place": place,
        "organisation": own.name if own else "",
        "signatory_name": own.signatory_name if own else "",
        "signatory_title": own.signatory_title if own else "",
    }


def check_issue_date(course: Course, issued_on: dt.date) -> None:
    """A certificate is not dated before the course's last session."""
    last = courses.last_day(course)
    if issued_on < last:
        raise RuleError(
            tr(
                "Kursbevis kan ikke utstedes med dato {date}, før kursets siste økt {last}.",
                date=f"{issued_on:%d.%m.%Y}",
                last=f"{last:%d.%m.%Y}",
            )
        )


def default_issue_date(course_id: int, today: dt.date | None = None) -> dt.date:
    """The date the issue dialog proposes: today, or the last session when that is still ahead."""
    return max(today or dt.date.today(), courses.last_day(courses.get_course(course_id)))


def issue_certificate(enrolment_id: int, issued_on: dt.date | None = None) -> Certificate:
    """Issue a certificate to a qualifying enrolment (an accepted one with enough hours completes)."""
    issued_on = issued_on or dt.date.today()
    with database.atomic():
        lock_name(NUMBERS_LOCK)  # one issuer at a time: no number twice, no gap (DESIGN §8)
        enrolment = get_enrolment(enrolment_id)
        course = enrolment.course
        check_issue_date(course, issued_on)
        own = organisations.own_organisation()
        if own is None or not own.certificate_prefix:
            raise RuleError(
                tr(
                    "Organisasjonsprofilen mangler prefiks for kursbevisnummer: "
                    "fyll ut profilen under Innstillinger først."
                )
            )
        has_cert = (
            Certificate.select()
            .where((Certificate.enrolment == enrolment) & Certificate.revoked_at.is_null())
            .exists()
        )
        attended = attended_minutes(course.id).get(enrolment.id, 0)
        reasons = _reasons(
            enrolment,
            attended,
            courses.required_minutes(course),
            deposits.balance_of(enrolment.id),
            has_cert,
        )
        name = f"{enrolment.person.first_name} {enrolment.person.last_name}"
        if reasons:
            raise RuleError(
                tr("{name} kan ikke få kursbevis: {reasons}", name=name, reasons=" ".join(reasons))
            )
        if enrolment.state == S.ACCEPTED:
            apply_state(enrolment, S.COMPLETED, "complete")
        prefix, year = own.certificate_prefix, issued_on.year
        last = (
            Certificate.select(pw.fn.MAX(Certificate.sequence))
            .where((Certificate.prefix == prefix) & (Certificate.year == year))
            .scalar()
        )
        sequence = (last or 0) + 1
        number = format_number(prefix, year, sequence)
        content = _content(enrolment, number, issued_on)
        cert = Certificate.create(
            enrolment=enrolment,
            number=number,
            prefix=prefix,
            year=year,
            sequence=sequence,
            issued_on=issued_on,
            content=json.dumps(content, ensure_ascii=False, sort_keys=True),
            code=verification_code(content, ensure_secret()),
        )
        register_event(cert, "issue", issue_facts(number, issued_on, cert.code, content_digest(content)))
        audit.record("issue", "certificate", cert.id, after=audit.snapshot(cert))
    return cert


def issue_facts(number: str, issued_on: dt.date, code: str, digest: str) -> dict:
    """The facts an issue event seals: number, date, code and a digest of the frozen content."""
    return {"number": number, "issued_on": issued_on, "code": code, "content": digest}


def register_event(cert: Certificate, kind: str, facts: dict) -> CertificateEvent:
    """Append one event (issue, duplicate, revoke) to the certificate register's chain."""
    return chains.append(CertificateEvent(certificate=cert, kind=kind, facts=canonical(facts).decode()))


def issue_for_course(course_id: int, issued_on: dt.date | None = None) -> list[Certificate]:
    """Issue certificates to everyone on the course who qualifies (one transaction)."""
    with database.atomic():
        return [issue_certificate(e.enrolment_id, issued_on) for e in eligibility(course_id) if e.eligible]


def get_certificate(certificate_id: int) -> Certificate:
    """The certificate with this id; NotFoundError in Norwegian otherwise."""
    cert = Certificate.get_or_none(Certificate.id == certificate_id)
    if cert is None:
        raise NotFoundError(tr("Fant ikke kursbevis med id {id}.", id=certificate_id))
    return cert


def content_of(cert: Certificate) -> dict:
    """The facts frozen at issue (what is printed and what the code signs)."""
    return json.loads(cert.content)


def revoke(certificate_id: int, reason: str, at: dt.datetime | None = None) -> Certificate:
    """Revoke a certificate (now, or ``at``); it keeps its number, which is never used again."""
    if not reason.strip():
        raise ValidationError(tr("Skriv en begrunnelse for tilbakekallingen."))
    refuse_identity_numbers(reason, tr("Begrunnelsen"))
    with database.atomic():
        cert = get_certificate(certificate_id)
        if cert.revoked_at is not None:
            raise RuleError(tr("Kursbevis {number} er allerede tilbakekalt.", number=cert.number))
        before = audit.snapshot(cert)
        cert.revoked_at, cert.revoked_reason = at or now(), reason.strip()
        cert.save()
        register_event(cert, "revoke", {"at": cert.revoked_at, "reason": cert.revoked_reason})
        audit.record("revoke", "certificate", cert.id, before=before, after=audit.snapshot(cert))
    return cert


def record_duplicate(certificate_id: int, on: dt.date | None = None) -> Certificate:
    """Note a reprint: same number, the copy is marked as a duplicate issued on ``on``."""
    on = on or dt.date.today()
    with database.atomic():
        cert = get_certificate(certificate_id)
        if cert.revoked_at is not None:
            raise RuleError(
                tr("Kursbevis {number} er tilbakekalt og kan ikke skrives ut på nytt.", number=cert.number)
            )
        before = audit.snapshot(cert)
        cert.duplicate_count += 1
        cert.last_duplicate_on = on
        cert.save()
        register_event(cert, "duplicate", {"count": cert.duplicate_count, "on": on})
        audit.record("duplicate", "certificate", cert.id, before=before, after=audit.snapshot(cert))
    return cert


_SHOWN_KEYS = ("number", "course_title")
_PERSON_KEYS = ("first_name", "last_name")  # gone from an erased person's certificate


def _verifiable_content(cert: Certificate) -> dict | None:
    """The stored facts, or None when they are damaged (not JSON, not an object, keys missing)."""
    try:
        content = json.loads(cert.content)
    except (TypeError, ValueError):
        return None
    if not isinstance(content, dict):
        return None
    needed = _SHOWN_KEYS if content.get("erased") else _SHOWN_KEYS + _PERSON_KEYS
    if not all(isinstance(content.get(k), str) for k in needed):
        return None
    return content


def verify(code: str) -> Verification:
    """valid / revoked / unknown; altered stored content does not verify."""
    cleaned = normalise_code(code)
    cert = Certificate.get_or_none(Certificate.code == cleaned) if cleaned else None
    content = _verifiable_content(cert) if cert is not None else None
    if content is None:
        return Verification(VerificationStatus.UNKNOWN)
    erased = bool(content.get("erased"))  # the person was erased: a kept digest and seal verify it
    matches = erased_content_matches if erased else code_matches
    if content["number"] != cert.number or not matches(content, ensure_secret(), cleaned):
        return Verification(VerificationStatus.UNKNOWN)
    revocation = revoke_event(cert.id)
    revoked = cert.revoked_at is not None or revocation is not None
    return Verification(  # only facts the code (or the chained revocation) covers
        VerificationStatus.REVOKED if revoked else VerificationStatus.VALID,
        content["number"],
        "" if erased else f"{content['first_name']} {content['last_name']}",
        content["course_title"],
        dt.date.fromisoformat(content["issued_on"]),
        str(revocation.get("reason", "")) if revocation else cert.revoked_reason,
    )


def revoke_event(certificate_id: int) -> dict | None:
    """The facts of the certificate's chained revocation, or None when it was never revoked."""
    facts = (
        CertificateEvent.select(CertificateEvent.facts)
        .where((CertificateEvent.certificate == certificate_id) & (CertificateEvent.kind == "revoke"))
        .scalar()
    )
    return json.loads(facts) if facts else None
