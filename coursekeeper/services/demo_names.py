"""Data for the demo: names, places, notes, and the plan of courses and what happens to whom.

Everything here is invented. E-mail addresses use the reserved ``example.no`` domain only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coursekeeper.domain.states import CourseStatus

D = dt.date
DAY = dt.timedelta(days=1)

FIRST_NAMES = (
    "Åse", "Øystein", "Bjørn", "Kåre", "Sølvi", "Frøydis", "Ørjan", "Håkon", "Ragnhild", "Tormod",
    "Ingrid", "Solveig", "Eirik", "Sigrid", "Kjersti", "Marius", "Jørgen", "Ståle", "Tiril", "Synnøve",
    "Aslaug", "Ivar", "Gunnhild", "Nils", "Mari", "Astrid", "Anders", "Silje", "Camilla", "Thea",
    "Jonas", "Sindre", "Vegard", "Marte", "Hege", "Torill", "Randi", "Geir", "Rune", "Trond",
    "Knut", "Berit", "Elin", "Hilde", "Linn", "Ida", "Nora", "Ane", "Kristoffer", "Even",
    "Magnus", "Amalie", "Helene", "Jostein", "Oddvar", "Sverre", "Turid", "Brynjar", "Dagny", "Gøril",
    "Åshild", "Bjørg", "Tønnes", "Mette", "Øyvind", "Lærke", "Anne-Lise", "Per Olav", "Vilde", "Håvard",
)  # fmt: skip

LAST_NAMES = (
    "Ødegård", "Kjærstad", "Sæther", "Løvås", "Håland", "Bjørkli", "Nygård", "Østrem", "Fjære", "Sælen",
    "Haugland", "Kvamme", "Tveit", "Sandvik", "Helland", "Eide", "Vik", "Hauge", "Mjelde", "Brakstad",
    "Kleppe", "Våge", "Rønneberg", "Grønås", "Myklebust", "Dalland", "Fosse", "Rørvik", "Sætre", "Sundal",
    "Skår", "Tøsdal", "Bø", "Hjelle", "Strønen", "Nesse", "Espeland", "Sørbø", "Hatlebrekke", "Lygre",
    "Kårbø", "Instanes", "Bjørndal", "Hellesøy", "Turøy", "Landrø", "Fjeldstad", "Solheim", "Ågotnes",
    "Bakke", "Lønning", "Færøyvik", "Kolltveit", "Mæland", "Strand", "Aasheim", "Gjerde", "Hope",
)  # fmt: skip

STREETS = (
    "Fjellvegen", "Sjøbergvegen", "Kyrkjevegen", "Skulevegen", "Bakkane", "Myrane", "Storsteinen",
    "Lyngvegen", "Naustvegen", "Åsvegen", "Furulia", "Brekkevegen", "Havnevegen", "Løypevegen",
    "Bjørkeslettet", "Stølsvegen", "Granlia", "Måkevegen", "Solsida", "Tunvegen",
)  # fmt: skip

#: Postal places per municipality (postnummer, poststed).
POSTAL_PLACES = {
    "Bergen": (("5003", "Bergen"), ("5035", "Bergen"), ("5067", "Bergen"), ("5132", "Nyborg"),
               ("5146", "Fyllingsdalen"), ("5221", "Nesttun"), ("5259", "Hjellestad")),
    "Askøy": (("5300", "Kleppestø"), ("5306", "Erdal"), ("5310", "Hauglandshella"), ("5314", "Kjerrgarden")),
    "Øygarden": (("5353", "Straume"), ("5357", "Fjell"), ("5360", "Kolltveit"), ("5363", "Ågotnes"),
                 ("5337", "Rong")),
    "Alver": (("5914", "Isdalstø"), ("5918", "Frekhaug"), ("5953", "Fonnes"), ("5984", "Matredal")),
    "Osterøy": (("5282", "Lonevåg"), ("5286", "Haus"), ("5283", "Fotlandsvåg")),
    "Bjørnafjorden": (("5200", "Os"), ("5630", "Strandebarm"), ("5640", "Eikelandsosen")),
}  # fmt: skip

SUITABLE_NOTES = (
    "Samtale på telefon. Erfaring fra idrettslag, ønsker oppdrag med turgåing.",
    "Møtte til samtale. God motivasjon, kan ta oppdrag på ettermiddager og i helger.",
    "Har vært støttekontakt tidligere. Ønsker oppdrag med svømming eller trening på senter.",
    "Student, aktiv i friluftsliv. Kan ta ett oppdrag i uken.",
    "Pensjonert, bakgrunn fra skole. Ønsker faste turer i nærmiljøet.",
    "Trener et barnelag. Motivert for å følge noen til trening og kamper.",
    "Samtale på kontoret. Rolig og tydelig, god forståelse for rollen.",
)
FOLLOW_UP_NOTES = (
    "Positiv samtale, men uklart hvor mye tid det blir til oppdrag. Ny samtale avtales etter nyttår.",
)
UNSUITABLE_NOTES = (
    "Ønsker i hovedsak fast lønnet stilling, ikke oppdrag som treningskontakt. Informert om andre tilbud.",
    "Flytter fra regionen før kurset er ferdig og kan ikke ta oppdrag. Anbefalt å søke senere.",
    "Kan bare delta på én av de to helgene. Anbefalt neste kurs.",
)
PENDING_NOTES = ("Samtale avtalt.", "Ringt to ganger uten svar; sendt e-post med forslag til tid.")

INTERVIEWERS = ("Kari Nordmann", "Ola Nordmann")
PAYMENT_METHODS = ("Vipps", "Bankoverføring", "Faktura fra kommunen")

TOPICS = (
    "Rollen som treningskontakt",
    "Aktivitet og helse",
    "Taushetsplikt og etikk",
    "Førstehjelp",
    "Praktisk trening",
)

# What happens to each applicant. Screening outcome per fate: fates not listed here are screened
# suitable; None means not screened at all.
OUTCOME = {
    "pending": "pending",
    "follow-up": "follow_up",
    "reject": "unsuitable",
    "reject-paid": "unsuitable",
    "applied": None,
    "applied-paid": None,
}
ACCEPTED_FATES = {
    "done", "done-unpaid", "partial", "left-early", "noshow", "noshow-paid", "withdraw-early",
    "withdraw-early-paid", "withdraw-late", "accepted", "accepted-paid", "waitlist",
}  # fmt: skip
PAID_FATES = {
    "done", "partial", "left-early", "noshow-paid", "reject-paid", "withdraw-early-paid",
    "withdraw-late", "accepted-paid", "applied-paid",
}  # fmt: skip


def _two_weekends(first: dt.date, second: dt.date) -> tuple[tuple[dt.date, str, str], ...]:
    """Friday evening to Sunday, then Friday evening and Saturday: 28 hours in all."""
    return (
        (first, "17:00", "21:00"),
        (first + DAY, "09:00", "16:00"),
        (first + 2 * DAY, "09:00", "15:00"),
        (second, "17:00", "21:00"),
        (second + DAY, "09:00", "16:00"),
    )


@dataclass(frozen=True)
class CourseSpec:
    """One demo course and, per applicant in order of application, what happens to them."""

    key: str
    municipality: str
    venue: str
    days: tuple[tuple[dt.date, str, str], ...]
    partners: tuple[str, ...]
    fates: tuple[str, ...] = ()
    status: str = CourseStatus.FINISHED
    capacity: int = 30
    binding: dt.date | None = None
    first_application: dt.date | None = None
    deadline_months: int | None = None
    notes: str = ""
    cancelled_on: dt.date | None = None  # the day a cancelled course was called off


COURSES = (
    CourseSpec(
        "askoy", "Askøy", "Kleppestø kultursenter", _two_weekends(D(2024, 9, 20), D(2024, 10, 4)),
        ("Askøy kommune", "Helse Bergen"),
        ("done",) * 12 + ("partial", "noshow-paid", "reject-paid", "withdraw-early-paid"),
        capacity=20, binding=D(2024, 9, 1), first_application=D(2024, 6, 3), deadline_months=12,
    ),
    CourseSpec(
        "bergen", "Bergen", "Idrettens hus, Bergen", _two_weekends(D(2025, 10, 17), D(2025, 10, 31)),
        ("Bergen kommune", "Stiftelsen Bergensklinikkene"),
        ("done",) * 14 + ("done-unpaid", "partial", "left-early", "noshow", "reject", "withdraw-early"),
        capacity=24, binding=D(2025, 9, 26), first_application=D(2025, 7, 14),
    ),
    CourseSpec(
        "oygarden", "Øygarden", "Frivilligsentralen, Straume", _two_weekends(D(2026, 4, 10), D(2026, 4, 24)),
        ("Øygarden kommune", "Stiftelsen Bergensklinikkene", "Helse Bergen"),
        ("done",) * 21 + ("partial", "noshow-paid", "withdraw-late", "withdraw-early-paid", "reject-paid"),
        binding=D(2026, 3, 20), first_application=D(2026, 1, 5),
    ),
    CourseSpec(
        "osteroy", "Osterøy", "Lonevåg skule", _two_weekends(D(2026, 3, 6), D(2026, 3, 20)),
        ("Osterøy kommune",), ("accepted-paid", "accepted-paid", "applied-paid", "applied"),
        status=CourseStatus.CANCELLED, capacity=20, binding=D(2026, 2, 13),
        first_application=D(2025, 12, 1), notes="Avlyst 16.02.2026: for få påmeldte.",
        cancelled_on=D(2026, 2, 16),
    ),
    CourseSpec(
        "alver", "Alver", "Knarvik idrettshall", _two_weekends(D(2027, 3, 5), D(2027, 3, 19)),
        ("Alver kommune", "Helse Bergen"),
        ("accepted-paid",) * 8 + ("accepted",) * 4 + ("waitlist",) * 3
        + ("pending", "pending", "follow-up", "applied", "reject"),
        status=CourseStatus.OPEN, capacity=12, binding=D(2027, 2, 12), first_application=D(2026, 9, 1),
    ),
    CourseSpec(
        "bjornafjorden", "Bjørnafjorden", "Os kulturhus", _two_weekends(D(2027, 9, 10), D(2027, 9, 24)),
        ("Bjørnafjorden kommune",), status=CourseStatus.PLANNED,
    ),
)  # fmt: skip

#: Applicants who took part before: (course, position) → the earlier (course, position).
RETURNING = {
    ("alver", 0): ("osteroy", 0),
    ("alver", 1): ("osteroy", 1),
    ("alver", 15): ("bergen", 15),
    ("alver", 16): ("oygarden", 21),
}
#: (course, position, start, end, municipality, refund recorded on).
ASSIGNMENTS = (
    ("askoy", 0, D(2024, 11, 1), None, "Askøy", D(2025, 5, 20)),
    ("askoy", 1, D(2024, 11, 15), D(2025, 12, 31), "Askøy", D(2025, 6, 2)),
    ("askoy", 2, D(2024, 12, 1), D(2025, 8, 15), "Askøy", D(2025, 6, 20)),
    ("askoy", 3, D(2025, 1, 6), D(2025, 7, 5), "Askøy", None),  # ended the day before six months
    ("askoy", 4, D(2025, 2, 1), None, "Askøy", D(2025, 8, 25)),
    ("askoy", 5, D(2024, 10, 20), None, "Bergen", D(2025, 5, 20)),
    ("askoy", 6, D(2025, 3, 10), D(2025, 4, 30), "Askøy", None),
    ("askoy", 6, D(2025, 9, 1), None, "Askøy", None),  # six months on 01.03.2026, refund due
    ("bergen", 0, D(2025, 12, 1), None, "Bergen", D(2026, 6, 19)),
    ("bergen", 1, D(2026, 1, 5), None, "Bergen", D(2026, 8, 14)),
    ("bergen", 2, D(2026, 1, 15), D(2026, 9, 30), "Bergen", D(2026, 8, 14)),
    ("bergen", 3, D(2026, 2, 1), None, "Bergen", None),
    ("bergen", 4, D(2026, 3, 1), D(2026, 8, 31), "Bergen", None),  # ended the day before
    ("bergen", 5, D(2026, 1, 10), None, "Bergen", None),
    ("bergen", 6, D(2026, 6, 1), None, "Bergen", None),  # still running, six months on 01.12.2026
    ("bergen", 7, D(2025, 11, 17), None, "Alver", D(2026, 6, 19)),
    ("oygarden", 0, D(2026, 5, 4), None, "Øygarden", None),
    ("oygarden", 1, D(2026, 5, 18), None, "Øygarden", None),
    ("oygarden", 2, D(2026, 8, 1), None, "Øygarden", None),
    ("oygarden", 3, D(2026, 6, 15), D(2026, 9, 30), "Øygarden", None),
    ("oygarden", 4, D(2026, 5, 11), None, "Askøy", D(2026, 11, 20)),
)
ASSIGNMENT_NOTES = (
    "Tur to ganger i uken.",
    "Trening på treningssenter hver onsdag.",
    "Svømming en gang i uken.",
    "Fast aktivitet i idrettslaget.",
)
