"""The access-request letter's wording: each kind of stored data, why it is kept, and its values."""

from __future__ import annotations

import datetime as dt
import json

from coursekeeper.domain.dates import format_date, format_datetime
from coursekeeper.domain.deposits import EntryKind
from coursekeeper.domain.hours import hours_text
from coursekeeper.domain.money import format_kr
from coursekeeper.domain.states import EnrolmentState, ScreeningOutcome
from coursekeeper.i18n import tr
from coursekeeper.printing.models import AccessReportPrint, AccessSection, OrganisationProfile
from coursekeeper.services.person_data import PersonRecord
from coursekeeper.services.phone_display import display_phone

#: Audit actions, in words for the person.
ACTIONS = {
    "screening_view": "åpnet notatene fra egnethetsvurderingen",
    "screening_change": "endret egnethetsvurderingen",
    "create": "registrerte",
    "update": "endret",
    "enrol": "meldte på kurs",
    "access_export": "laget et innsyn",
}


def _date(value: str | None) -> str:
    return format_date(dt.date.fromisoformat(value[:10])) if value else "–"


def _moment(value: str | None) -> str:
    return format_datetime(dt.datetime.fromisoformat(value)) if value else "–"


def _person_lines(record: PersonRecord) -> list[str]:
    p = record.person
    address = ", ".join(
        x for x in (p.get("address"), f"{p.get('postal_code', '')} {p.get('city', '')}".strip()) if x
    )
    facts = [
        (tr("Navn"), f"{p['first_name']} {p['last_name']}"),
        (tr("Fødselsdato"), _date(p.get("birth_date"))),
        (tr("E-post"), p.get("email") or "–"),
        (tr("Telefon"), display_phone(p.get("phone")) or "–"),
        (tr("Adresse"), address or "–"),
        (tr("Kommune"), p.get("municipality_name") or "–"),
        (tr("Registrert"), _moment(p.get("created_at"))),
    ]
    return [f"{label}: {value}" for label, value in facts]


def _enrolment_lines(record: PersonRecord) -> list[str]:
    lines = []
    for e in record.enrolments:
        line = tr(
            "«{title}» ({start}–{end}): {state}. Søkt {applied}.",
            title=e["course_title"],
            start=_date(e["course_start"]),
            end=_date(e["course_end"]),
            state=EnrolmentState(e["state"]).label,
            applied=_moment(e["applied_at"]),
        )
        if e.get("source_file"):
            line += " " + tr(
                "Fra listen «{file}», rad {row}.", file=e["source_file"], row=e.get("source_row") or "–"
            )
        if e.get("notes"):
            line += " " + tr("Merknad: {notes}", notes=e["notes"])
        lines.append(line)
    return lines


def _screening_lines(record: PersonRecord) -> list[str]:
    titles = {e["id"]: e["course_title"] for e in record.enrolments}
    lines = []
    for s in record.screenings:
        lines.append(
            tr(
                "«{title}»: {outcome}, vurdert {date} av {who}.",
                title=titles.get(s["enrolment"], ""),
                outcome=ScreeningOutcome(s["outcome"]).label,
                date=_date(s.get("date")),
                who=s.get("interviewer") or "–",
            )
        )
        if s.get("notes"):
            lines.append(tr("Notater: {notes}", notes=s["notes"]))
    opened = [a for a in record.audit if a["action"] == "screening_view"]
    if opened:
        lines.append(tr("Hvem som har åpnet notatene:"))
        lines.extend(f"• {_moment(a['at'])}: {a['actor']}" for a in opened)
    elif record.screenings:
        lines.append(tr("Ingen har åpnet notatene etter at de ble skrevet."))
    return lines


def _attendance_lines(record: PersonRecord) -> list[str]:
    titles = {e["id"]: e["course_title"] for e in record.enrolments}
    return [
        tr(
            "«{title}» {date}: {hours}.",
            title=titles.get(a["enrolment"], ""),
            date=_date(a["session_date"]),
            hours=hours_text(a["minutes"]),
        )
        for a in sorted(record.attendance, key=lambda a: a["session_date"])
    ]


def _certificate_lines(record: PersonRecord) -> list[str]:
    lines = []
    for c in record.certificates:
        content = json.loads(c["content"]) if c.get("content") else {}
        line = tr(
            "Kursbevis {number} for «{title}», utstedt {date}.",
            number=c["number"],
            title=content.get("course_title", ""),
            date=_date(c["issued_on"]),
        )
        if c.get("revoked_at"):
            line += " " + tr(
                "Tilbakekalt {date}: {reason}", date=_moment(c["revoked_at"]), reason=c["revoked_reason"]
            )
        lines.append(line)
    return lines


def _ledger_lines(record: PersonRecord) -> list[str]:
    lines = []
    for e in record.ledger:
        details = " · ".join(x for x in (e.get("method"), e.get("reference"), e.get("note")) if x)
        lines.append(
            f"{_date(e['entry_date'])}: {EntryKind(e['kind']).label} {format_kr(e['amount_ore'])}"
            + (f" ({details})" if details else "")
        )
    return lines


def _assignment_lines(record: PersonRecord) -> list[str]:
    return [
        tr("Fra {start} til {end}.", start=_date(a["start_date"]), end=_date(a.get("end_date")))
        + (" " + tr("Merknad: {notes}", notes=a["note"]) if a.get("note") else "")
        for a in record.assignments
    ]


def _audit_lines(record: PersonRecord) -> list[str]:
    return [
        f"{_moment(a['at'])}: {a['actor']} – {ACTIONS.get(a['action'], a['action'])} ({a['entity']})"
        for a in record.audit
    ]


def access_report(record: PersonRecord, organisation: OrganisationProfile) -> AccessReportPrint:
    """The letter: one section per kind of data that is stored, with why it is kept."""
    name = f"{record.person['first_name']} {record.person['last_name']}"
    candidates = [
        (
            tr("Opplysninger om deg"),
            tr("Brukes til å melde deg på kurs, sende kursbevis og betale tilbake egenandelen."),
            _person_lines(record),
        ),
        (
            tr("Kurs du har søkt på"),
            tr("Brukes til å administrere påmeldingen og ventelisten."),
            _enrolment_lines(record),
        ),
        (
            tr("Egnethetsvurdering"),
            tr(
                "Samtale før kurset om du passer som treningskontakt. "
                "Bare de som vurderer søkere kan lese notatene."
            ),
            _screening_lines(record),
        ),
        (tr("Oppmøte"), tr("Brukes til å avgjøre om du har fullført kurset."), _attendance_lines(record)),
        (
            tr("Kursbevis"),
            tr("Beviset på at du har fullført kurset; nummeret kan kontrolleres."),
            _certificate_lines(record),
        ),
        (
            tr("Egenandel"),
            tr("Regnskapet over egenandelen; det må oppbevares i fem år etter bokføringsloven."),
            _ledger_lines(record),
        ),
        (
            tr("Oppdrag som treningskontakt"),
            tr("Brukes til å betale tilbake egenandelen etter seks måneder."),
            _assignment_lines(record),
        ),
        (
            tr("Logg over hvem som har gjort hva"),
            tr("Hver endring og hver åpning av notatene logges, så det kan kontrolleres i ettertid."),
            _audit_lines(record),
        ),
    ]
    sections = [AccessSection(title, why, lines) for title, why, lines in candidates if lines]
    contact = organisation.contact_line()
    return AccessReportPrint(
        organisation=organisation,
        heading=tr("Innsyn: dette har vi lagret om deg, {name}", name=name),
        made_on=tr("Laget {date}", date=format_date(dt.date.today())),
        intro=tr(
            "Du har rett til å vite hvilke opplysninger {organisation} har om deg (personvernforordningen "
            "artikkel 15). Her står alt som er lagret om deg i kursregisteret, hvorfor det er lagret og "
            "siden når.",
            organisation=organisation.name or tr("kursarrangøren"),
        ),
        sections=sections,
        closing=tr(
            "Mener du noe er feil, kan du be om å få det rettet eller slettet. Ta kontakt med {who}.",
            who=", ".join(x for x in (organisation.name, contact) if x) or tr("kursarrangøren"),
        ),
        footer=tr("Innsyn for {name} · {organisation}", name=name, organisation=organisation.name),
    )
