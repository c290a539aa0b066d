"""The integrity check (``coursekeeper check``): the file, the hash chains and the program's rules.

Walks the ledger, the audit log and the certificate register (``domain.chain``), reconciles every
ledger entry with its audit entry and every certificate with its register events, and names the
first rows that were altered, deleted or inserted outside the program.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

import peewee as pw

from coursekeeper.db.connection import database, is_sqlite
from coursekeeper.db.models import Certificate, Course, Enrolment
from coursekeeper.db.schema import HISTORY_TABLE
from coursekeeper.domain.certificates import code_matches, content_digest, erased_content_matches
from coursekeeper.domain.chain import Break, BreakKind, ChainRow, body_digest, plain, seal_break, walk
from coursekeeper.domain.dates import format_date, format_datetime
from coursekeeper.domain.deposits import ENTRY_KIND_LABELS, Balance, EntryKind
from coursekeeper.domain.money import format_kr
from coursekeeper.domain.states import SEAT_HOLDING
from coursekeeper.i18n import tr
from coursekeeper.services import audit, chains, deposits, permissions
from coursekeeper.services.database import ensure_secret

#: Breaks named per chain; more are counted, not listed.
SHOWN_PER_CHAIN = 10


@dataclass(frozen=True)
class CheckReport:
    """Findings of ``check``: an empty ``problems`` list means all is well.

    ``partial`` says why only part of the database could be checked (a role that sees only some
    rows), or is empty when everything was.
    """

    problems: list[str]
    checked: list[str]
    partial: str = ""

    @property
    def ok(self) -> bool:
        """True when nothing was found."""
        return not self.problems


@dataclass
class _Seen:
    """What the chain walks read, for the checks that compare one chain with another."""

    ledger: dict[int, dict] = field(default_factory=dict)
    ledger_audit: dict[int, tuple[int, dict]] = field(default_factory=dict)  # ledger id -> audit entry
    altered_bodies: dict[int, str] = field(default_factory=dict)  # audit id -> digest found
    redacted: dict[int, str] = field(default_factory=dict)  # audit id -> digest erasure recorded
    audit_rows: dict[int, str] = field(default_factory=dict)  # audit id -> description


def _kind_label(kind: object) -> str:
    try:
        return ENTRY_KIND_LABELS[EntryKind(str(kind))].lower()
    except ValueError:
        return str(kind)


def _amount(value: object) -> str:
    return format_kr(value) if isinstance(value, int) else str(value)


def _date(value: object) -> str:
    """A date as read back or as logged (ISO text), shown ``09.04.2026``; anything else as it is."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value
    return format_date(value) if isinstance(value, dt.date) else str(value)


def _ledger_row(row_id: int, facts: dict) -> str:
    return tr(
        "post {id} ({kind} {amount}, {date})",
        id=row_id,
        kind=_kind_label(facts.get("kind")),
        amount=_amount(facts.get("amount_ore")),
        date=_date(facts.get("entry_date")),
    )


def _audit_row(row_id: int, facts: dict) -> str:
    at = facts.get("at")
    return tr(
        "oppføring {id} ({action} {entity} {entity_id}, {time}, {actor})",
        id=row_id,
        action=facts.get("action"),
        entity=facts.get("entity"),
        entity_id=facts.get("entity_id") or "",
        time=format_datetime(at) if isinstance(at, dt.datetime) else str(at),
        actor=facts.get("actor"),
    )


def _event_row(row_id: int, facts: dict) -> str:
    return tr(
        "hendelse {id} ({kind}, kursbevis-id {certificate})",
        id=row_id,
        kind=facts.get("kind"),
        certificate=facts.get("certificate"),
    )


def _break_message(chain: str, brk: Break, describe: dict[int, str]) -> str:
    row = describe.get(brk.row_id, str(brk.row_id))
    if brk.kind == BreakKind.UNSEALED:
        return tr("{chain}: {row} er lagt inn utenom CourseKeeper (den har ikke segl).", chain=chain, row=row)
    if brk.kind == BreakKind.ALTERED:
        return tr("{chain}: {row} er endret etter at den ble skrevet.", chain=chain, row=row)
    if brk.kind == BreakKind.MISSING:
        return tr("{chain}: en eller flere rader foran {row} er slettet.", chain=chain, row=row)
    inserted = "; ".join(describe.get(i, str(i)) for i in brk.inserted)
    return tr("{chain}: {inserted} er lagt inn i ettertid, utenom kjeden.", chain=chain, inserted=inserted)


def _walk_chain(
    problems: list[str], chain_name: str, rows: Iterator[ChainRow], describe: dict[int, str]
) -> None:
    breaks = walk(rows)
    problems += [_break_message(chain_name, brk, describe) for brk in breaks[:SHOWN_PER_CHAIN]]
    if len(breaks) > SHOWN_PER_CHAIN:
        problems.append(
            tr("{chain}: {n} brudd til i kjeden.", chain=chain_name, n=len(breaks) - SHOWN_PER_CHAIN)
        )


def _ledger_rows(seen: _Seen, describe: dict[int, str]) -> Iterator[ChainRow]:
    for row, _ in chains.stored(chains.LEDGER):
        seen.ledger[row.id] = dict(row.facts)
        describe[row.id] = _ledger_row(row.id, dict(row.facts))
        yield row


def _audit_rows(seen: _Seen) -> Iterator[ChainRow]:
    for row, (before, after) in chains.stored(chains.AUDIT, "before", "after"):
        facts = dict(row.facts)
        seen.audit_rows[row.id] = _audit_row(row.id, facts)
        digest = body_digest(before, after)
        if digest != facts["body_hash"]:
            seen.altered_bodies[row.id] = digest
        loaded = _json(after)
        if facts["action"] == audit.REDACT and facts["entity_id"] is not None:
            seen.redacted[facts["entity_id"]] = str(loaded.get("body", ""))
        elif facts["entity"] == "ledger_entry" and str(facts["action"]).startswith("ledger_"):
            seen.ledger_audit[facts["entity_id"]] = (row.id, loaded)
        elif facts["action"] == "import":  # an import logs its payments by id, in one entry
            seen.ledger_audit.update(
                {i: (row.id, {}) for i in loaded.get("payments", ()) if isinstance(i, int)}
            )
        yield row


def _json(text: str | None) -> dict:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _event_rows(events: dict[int, dict[str, dict]], describe: dict[int, str]) -> Iterator[ChainRow]:
    for row, _ in chains.stored(chains.CERTIFICATES):
        facts = dict(row.facts)
        describe[row.id] = _event_row(row.id, facts)
        events[facts["certificate"]][str(facts["kind"])] = _json(str(facts["facts"]))
        yield row


def _chain_checks(problems: list[str], checked: list[str]) -> dict[int, dict[str, dict]]:
    seen = _Seen()
    checked.append(tr("Kjeden i egenandelsregnskapet"))
    ledger_names: dict[int, str] = {}
    _walk_chain(problems, tr("Egenandelsregnskapet"), _ledger_rows(seen, ledger_names), ledger_names)
    checked.append(tr("Kjeden i loggen"))
    _walk_chain(problems, tr("Loggen"), _audit_rows(seen), seen.audit_rows)
    for audit_id, digest in sorted(seen.altered_bodies.items()):
        if seen.redacted.get(audit_id) != digest:
            problems.append(
                tr(
                    "Loggen: innholdet i {row} er endret etter at den ble skrevet.",
                    row=seen.audit_rows[audit_id],
                )
            )
    checked.append(tr("Kjeden i kursbevisregisteret"))
    events: dict[int, dict[str, dict]] = defaultdict(dict)
    event_names: dict[int, str] = {}
    _walk_chain(problems, tr("Kursbevisregisteret"), _event_rows(events, event_names), event_names)
    _reconcile_ledger(problems, seen, ledger_names)
    return events


_RECONCILED = ("enrolment", "kind", "amount_ore", "entry_date")


def _reconcile_ledger(problems: list[str], seen: _Seen, names: dict[int, str]) -> None:
    for ledger_id, facts in seen.ledger.items():
        found = seen.ledger_audit.get(ledger_id)
        if found is None:
            problems.append(tr("Egenandelsregnskapet: {row} står ikke i loggen.", row=names[ledger_id]))
            continue
        audit_id, logged = found
        differs = [
            name
            for name in _RECONCILED
            if name in logged and logged[name] != "<slettet>" and logged[name] != plain(facts[name])
        ]
        if differs:
            problems.append(
                tr(
                    "Egenandelsregnskapet: {row} stemmer ikke med loggen, der den står som {logged}.",
                    row=names[ledger_id],
                    logged=_ledger_row(ledger_id, {**facts, **{k: logged[k] for k in differs}}),
                )
            )
    for ledger_id in sorted(set(seen.ledger_audit) - set(seen.ledger)):
        audit_id, logged = seen.ledger_audit[ledger_id]
        problems.append(
            tr(
                "Egenandelsregnskapet: {row} står i loggen ({audit}), men finnes ikke i regnskapet.",
                row=_ledger_row(ledger_id, logged),
                audit=seen.audit_rows.get(audit_id, str(audit_id)),
            )
        )


def _register_checks(problems: list[str], checked: list[str], events: dict[int, dict[str, dict]]) -> None:
    checked.append(tr("Kursbevis mot registeret"))
    secret = ensure_secret()
    for cert in Certificate.select().order_by(Certificate.id).iterator():
        problems += _certificate_problems(cert, events.get(cert.id, {}), secret)


def _certificate_problems(cert: Certificate, events: dict[str, dict], secret: bytes) -> list[str]:
    issue = events.get("issue")
    if issue is None:
        return [
            tr("Kursbevisregisteret: kursbevis {number} er lagt inn utenom CourseKeeper.", number=cert.number)
        ]
    problems = []
    content = _json(cert.content)
    sealed = (erased_content_matches if content.get("erased") else code_matches)(content, secret, cert.code)
    changed = [
        label
        for label, ok in (
            (tr("nummer"), issue.get("number") == cert.number),
            (tr("utstedelsesdato"), issue.get("issued_on") == plain(cert.issued_on)),
            (tr("kode"), issue.get("code") == cert.code),
            (tr("innhold"), sealed and issue.get("content") == content_digest(content)),
        )
        if not ok
    ]
    duplicate = events.get("duplicate", {"count": 0, "on": None})
    if (duplicate.get("count"), duplicate.get("on")) != (cert.duplicate_count, plain(cert.last_duplicate_on)):
        changed.append(tr("duplikater"))
    revoke = events.get("revoke")
    if revoke is not None and cert.revoked_at is None:
        problems.append(
            tr(
                "Kursbevisregisteret: kursbevis {number} ble tilbakekalt {date}, men er gjort gyldig igjen "
                "utenom CourseKeeper.",
                number=cert.number,
                date=_date(str(revoke.get("at", ""))[:10]),
            )
        )
    elif (revoke is None and cert.revoked_at is not None) or (
        revoke is not None
        and (revoke.get("at"), revoke.get("reason"))
        != (
            plain(cert.revoked_at),
            cert.revoked_reason,
        )
    ):
        changed.append(tr("tilbakekalling"))
    if changed:
        problems.insert(
            0,
            tr(
                "Kursbevisregisteret: kursbevis {number} er endret utenom CourseKeeper ({fields}).",
                number=cert.number,
                fields=", ".join(changed),
            ),
        )
    return problems


def _sqlite_checks(problems: list[str], checked: list[str]) -> None:
    result = [r[0] for r in database.execute_sql("PRAGMA integrity_check").fetchall()]
    checked.append(tr("SQLite integritetssjekk"))
    if result != ["ok"]:
        problems.append(tr("SQLite fant skader i databasefilen: {skader}", skader="; ".join(result[:5])))
    fk = database.execute_sql("PRAGMA foreign_key_check").fetchall()
    checked.append(tr("SQLite fremmednøkler"))
    if fk:
        problems.append(
            tr(
                "{n} rader peker til rader som ikke finnes (første: tabell {tabell}).",
                n=len(fk),
                tabell=fk[0][0],
            )
        )


def _balance_checks(problems: list[str], checked: list[str]) -> None:
    checked.append(tr("Egenandelsregnskap"))
    for eid, bal in deposits.balances().items():
        if bal.paid < 0 or bal.refunded < 0 or bal.forfeited < 0 or bal.held < 0:
            problems.append(_balance_problem(eid, bal))


def _balance_problem(eid: int, bal: Balance) -> str:
    return tr(
        "Påmelding {id}: regnskapet går ikke opp "
        "(innbetalt {paid}, tilbakebetalt {refunded}, beholdt {forfeited}).",
        id=eid,
        paid=format_kr(bal.paid),
        refunded=format_kr(bal.refunded),
        forfeited=format_kr(bal.forfeited),
    )


def _number_checks(problems: list[str], checked: list[str]) -> None:
    checked.append(tr("Kursbevisnumre"))
    series: dict[tuple[str, int], list[int]] = defaultdict(list)
    for prefix, year, seq, number in Certificate.select(
        Certificate.prefix,
        Certificate.year,
        Certificate.sequence,
        Certificate.number,
    ).tuples():
        series[(prefix, year)].append(seq)
        if number != f"{prefix}-{year}-{seq:04d}":
            problems.append(
                tr("Kursbevis {nummer} har et nummer som ikke stemmer med løpenummeret.", nummer=number)
            )
    for (prefix, year), seqs in sorted(series.items()):
        seqs.sort()
        if len(set(seqs)) != len(seqs):
            problems.append(tr("Nummerserien {serie} har doble løpenumre.", serie=f"{prefix}-{year}"))
        missing = sorted(set(range(1, seqs[-1] + 1)) - set(seqs))
        if missing:
            shown = ", ".join(f"{prefix}-{year}-{m:04d}" for m in missing[:5])
            problems.append(
                tr("Nummerserien {serie} har hull: {numre}.", serie=f"{prefix}-{year}", numre=shown)
            )


def _capacity_checks(problems: list[str], checked: list[str]) -> None:
    checked.append(tr("Kapasitet"))
    taken = (
        Enrolment.select(Enrolment.course, pw.fn.COUNT(Enrolment.id))
        .where(Enrolment.state.in_(list(SEAT_HOLDING)))
        .group_by(Enrolment.course)
        .tuples()
    )
    capacity = dict(Course.select(Course.id, Course.capacity).tuples())
    titles = dict(Course.select(Course.id, Course.title).tuples())
    for course_id, n in taken:
        if n > capacity.get(course_id, 0):
            problems.append(
                tr(
                    "Kurset «{kurs}» har {n} deltakere med plass, men bare {plasser} plasser.",
                    kurs=titles[course_id],
                    n=n,
                    plasser=capacity[course_id],
                )
            )


def _seal_checks(problems: list[str], checked: list[str]) -> None:
    """Each visible row's own seal, for a role that sees only part of the chains (no false gaps)."""
    visible = [
        (chain, name, describe)
        for chain, name, describe in (
            (chains.LEDGER, tr("Egenandelsregnskapet"), _ledger_row),
            (chains.AUDIT, tr("Loggen"), _audit_row),
            (chains.CERTIFICATES, tr("Kursbevisregisteret"), _event_row),
        )
        if database.execute_sql(
            "SELECT has_table_privilege(%s, 'SELECT')", (chain.model._meta.table_name,)
        ).fetchone()[0]
    ]
    for chain, name, describe in visible:
        checked.append(tr("Seglene på radene du ser i {chain}", chain=name.lower()))
        for row, _ in chains.stored(chain):
            broken = seal_break(row)
            if broken is not None:
                problems.append(_break_message(name, broken, {row.id: describe(row.id, dict(row.facts))}))


def _partial_check() -> CheckReport:
    problems: list[str] = []
    checked: list[str] = []
    _seal_checks(problems, checked)
    if database.execute_sql("SELECT has_table_privilege('ledger_entry', 'SELECT')").fetchone()[0]:
        _balance_checks(problems, checked)
    _capacity_checks(problems, checked)
    why = tr(
        "Rollen din ser bare en del av databasen, så bare en administrator kan kontrollere hele den; "
        "radene du ser, er kontrollert hver for seg."
    )
    return CheckReport(problems, checked, why)


def check() -> CheckReport:
    """SQLite's own checks, the three chains, ledger against log, the register, numbers, capacity.

    A role on a shared server that sees only part of the chains gets the seals of the rows it sees
    checked one by one (``partial`` says so) instead of gaps that are only rows it may not see.
    """
    if not permissions.current().can_check_all:
        return _partial_check()
    problems: list[str] = []
    checked: list[str] = []
    if is_sqlite(database):
        _sqlite_checks(problems, checked)
    if HISTORY_TABLE not in set(database.get_tables()):
        return CheckReport([tr("Databasen mangler CourseKeeper-tabellene.")], checked)
    events = _chain_checks(problems, checked)
    _register_checks(problems, checked, events)
    _balance_checks(problems, checked)
    _number_checks(problems, checked)
    _capacity_checks(problems, checked)
    return CheckReport(problems, checked)
