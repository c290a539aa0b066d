"""peewee models for every entity of the design, bound to the connection proxy.

Amounts are integer øre; durations are integer minutes (hours shown as minutes / 60); dates are
``datetime.date``. Tables are created and changed only by the scripts in ``migrations/``.
"""

from __future__ import annotations

import datetime as dt

import peewee as pw

from coursekeeper.db.connection import database


def now() -> dt.datetime:
    """Wall-clock time without microseconds, as stored in every timestamp column."""
    return dt.datetime.now().replace(microsecond=0)


class BaseModel(pw.Model):
    class Meta:
        database = database
        legacy_table_names = False


class Versioned(BaseModel):
    """A row people edit in forms: every saved change moves ``version`` on by one (DESIGN §8)."""

    # DEFAULT 1 in the table too: rows written by plain SQL (bulk imports, tools) start at 1.
    version = pw.IntegerField(default=1, constraints=[pw.SQL("DEFAULT 1")])

    def save(self, force_insert: bool = False, only: object = None) -> int | bool:
        """Save; an update of an existing row also counts its version up."""
        if self._pk is not None and not force_insert:
            self.version = (self.version or 1) + 1
            if only is not None:
                only = [*only, type(self).version]
        return super().save(force_insert=force_insert, only=only)


class AppSetting(BaseModel):
    """Key/value settings kept in the database (the certificate secret, the own organisation)."""

    key = pw.CharField(unique=True)
    value = pw.TextField()


class Organisation(Versioned):
    """The organiser's own profile (``is_own``) and partner organisations that co-host courses."""

    name = pw.CharField()
    is_own = pw.BooleanField(default=False)
    certificate_prefix = pw.CharField(max_length=10, null=True)
    address = pw.CharField(default="")
    postal_code = pw.CharField(max_length=10, default="")
    city = pw.CharField(default="")
    email = pw.CharField(default="")
    phone = pw.CharField(default="")
    signatory_name = pw.CharField(default="")
    signatory_title = pw.CharField(default="")
    logo = pw.BlobField(null=True)
    created_at = pw.DateTimeField(default=now)


class Municipality(BaseModel):
    """An official municipality; the number is text to keep the leading zero (``0301``)."""

    number = pw.CharField(max_length=4, unique=True)
    name = pw.CharField()
    county = pw.CharField(default="")


class Course(Versioned):
    """A course event; hours are stored as minutes."""

    title = pw.CharField()
    municipality = pw.ForeignKeyField(Municipality, null=True, on_delete="RESTRICT")
    venue = pw.CharField(default="")
    start_date = pw.DateField(index=True)
    end_date = pw.DateField()
    capacity = pw.IntegerField(default=30)
    deposit_ore = pw.IntegerField(default=100_000)
    deposit_waived = pw.BooleanField(default=False)
    binding_date = pw.DateField(null=True)
    required_minutes = pw.IntegerField(null=True)
    screening_required = pw.BooleanField(default=True)
    topics = pw.TextField(default="")
    status = pw.CharField(max_length=16, default="planned", index=True)
    cancelled_on = pw.DateField(null=True)  # set when the status becomes «cancelled»
    assignment_deadline_months = pw.IntegerField(null=True)
    notes = pw.TextField(default="")
    created_at = pw.DateTimeField(default=now)


class CourseOrganiser(BaseModel):
    """A co-organiser of a course, in the order they are printed."""

    course = pw.ForeignKeyField(Course, backref="organisers", on_delete="CASCADE")
    organisation = pw.ForeignKeyField(Organisation, on_delete="RESTRICT")
    position = pw.IntegerField(default=0)

    class Meta:
        indexes = ((("course", "organisation"), True),)


class CourseSession(Versioned):
    """One session (day) of a course; ``minutes`` is what full attendance counts."""

    course = pw.ForeignKeyField(Course, backref="sessions", on_delete="CASCADE")
    date = pw.DateField()
    start_time = pw.CharField(max_length=5, default="")
    end_time = pw.CharField(max_length=5, default="")
    minutes = pw.IntegerField()

    class Meta:
        table_name = "course_session"
        indexes = ((("course", "date"), False),)


class Person(Versioned):
    """A participant. No national identity number is ever stored."""

    first_name = pw.CharField()
    last_name = pw.CharField()
    birth_date = pw.DateField(null=True)
    email = pw.CharField(null=True, index=True)
    phone = pw.CharField(null=True)
    address = pw.CharField(default="")
    postal_code = pw.CharField(max_length=10, default="")
    city = pw.CharField(default="")
    municipality = pw.ForeignKeyField(Municipality, null=True, on_delete="RESTRICT")
    search_key = pw.CharField(index=True, default="")
    anonymised_at = pw.DateTimeField(null=True)
    created_at = pw.DateTimeField(default=now)


class Enrolment(Versioned):
    """A person on a course, with the state of DESIGN §3."""

    course = pw.ForeignKeyField(Course, backref="enrolments", on_delete="RESTRICT")
    person = pw.ForeignKeyField(Person, backref="enrolments", on_delete="RESTRICT")
    state = pw.CharField(max_length=16, default="applied")
    applied_at = pw.DateTimeField(default=now)
    state_changed_at = pw.DateTimeField(default=now)
    source = pw.CharField(default="")
    source_file = pw.CharField(null=True)
    source_row = pw.IntegerField(null=True)
    notes = pw.TextField(default="")

    class Meta:
        indexes = (
            (("course", "person"), True),
            (("course", "state", "applied_at"), False),
        )


class Screening(Versioned):
    """Suitability screening of one enrolment; ``notes`` are sensitive."""

    enrolment = pw.ForeignKeyField(Enrolment, backref="screenings", unique=True, on_delete="CASCADE")
    date = pw.DateField(null=True)
    interviewer = pw.CharField(default="")
    outcome = pw.CharField(max_length=16, default="pending")
    notes = pw.TextField(default="")
    updated_at = pw.DateTimeField(default=now)


class Attendance(BaseModel):
    """Minutes one enrolment attended one session (0 = absent)."""

    enrolment = pw.ForeignKeyField(Enrolment, backref="attendance", on_delete="CASCADE")
    session = pw.ForeignKeyField(CourseSession, backref="attendance", on_delete="CASCADE")
    minutes = pw.IntegerField(default=0)

    class Meta:
        indexes = ((("enrolment", "session"), True),)


class Certificate(BaseModel):
    """An issued certificate: number never reused; ``content`` frozen JSON at issue."""

    enrolment = pw.ForeignKeyField(Enrolment, backref="certificates", on_delete="RESTRICT")
    number = pw.CharField(unique=True)
    prefix = pw.CharField(max_length=10)
    year = pw.IntegerField()
    sequence = pw.IntegerField()
    issued_on = pw.DateField()
    content = pw.TextField()
    code = pw.CharField(unique=True)
    revoked_at = pw.DateTimeField(null=True)
    revoked_reason = pw.TextField(default="")
    duplicate_count = pw.IntegerField(default=0)
    last_duplicate_on = pw.DateField(null=True)
    #: When the original was first printed or saved as PDF; a print after that is a duplicate.
    printed_on = pw.DateField(null=True)

    class Meta:
        indexes = ((("prefix", "year", "sequence"), True),)


class LedgerEntry(BaseModel):
    """One deposit ledger entry; rows are never changed (database triggers refuse it)."""

    enrolment = pw.ForeignKeyField(Enrolment, backref="ledger", on_delete="RESTRICT")
    kind = pw.CharField(max_length=16)
    amount_ore = pw.IntegerField()
    corrects = pw.ForeignKeyField("self", null=True, on_delete="RESTRICT")
    entry_date = pw.DateField()
    method = pw.CharField(default="")
    reference = pw.CharField(default="")
    note = pw.TextField(default="")
    entered_by = pw.CharField(default="")
    entered_at = pw.DateTimeField(default=now)
    prev_hash = pw.CharField(max_length=64, null=True)
    chain_hash = pw.CharField(max_length=64, null=True)

    class Meta:
        table_name = "ledger_entry"
        # (entry_date, id): the ledger's list order, read a page at a time (migration 0012).
        indexes = ((("enrolment", "kind"), False), (("entry_date", "id"), False))


class Assignment(Versioned):
    """A service assignment (oppdrag) as training contact; ``end_date`` empty while running."""

    person = pw.ForeignKeyField(Person, backref="assignments", on_delete="RESTRICT")
    municipality = pw.ForeignKeyField(Municipality, null=True, on_delete="RESTRICT")
    start_date = pw.DateField()
    end_date = pw.DateField(null=True)
    note = pw.TextField(default="")
    created_at = pw.DateTimeField(default=now)


class AuditLog(BaseModel):
    """Who did what and when, with the values before and after (JSON)."""

    at = pw.DateTimeField(default=now, index=True)
    actor = pw.CharField()
    action = pw.CharField(max_length=40)
    entity = pw.CharField(max_length=40)
    entity_id = pw.IntegerField(null=True)
    before = pw.TextField(null=True)
    after = pw.TextField(null=True)
    #: SHA-256 of before/after as written; erasure may blank them only with a chained ``redact``.
    body_hash = pw.CharField(max_length=64, null=True)
    prev_hash = pw.CharField(max_length=64, null=True)
    chain_hash = pw.CharField(max_length=64, null=True)

    class Meta:
        indexes = ((("entity", "entity_id"), False),)


class CertificateEvent(BaseModel):
    """A chained, append-only event of the certificate register: issue, duplicate or revoke."""

    certificate = pw.ForeignKeyField(Certificate, backref="events", on_delete="RESTRICT")
    kind = pw.CharField(max_length=16)
    #: The facts of the event as canonical JSON (number, date, code, content digest, reason).
    facts = pw.TextField()
    prev_hash = pw.CharField(max_length=64, null=True)
    chain_hash = pw.CharField(max_length=64, null=True)

    class Meta:
        table_name = "certificate_event"


class StaffMunicipality(BaseModel):
    """On a shared server: a municipality a municipal staff member (a database user) works for."""

    user_name = pw.CharField(max_length=63)
    municipality = pw.ForeignKeyField(Municipality, on_delete="CASCADE")

    class Meta:
        table_name = "staff_municipality"
        indexes = ((("user_name", "municipality"), True),)


MODELS: list[type[BaseModel]] = [
    AppSetting,
    Organisation,
    Municipality,
    Course,
    CourseOrganiser,
    CourseSession,
    Person,
    Enrolment,
    Screening,
    Attendance,
    Certificate,
    LedgerEntry,
    Assignment,
    AuditLog,
    CertificateEvent,
    StaffMunicipality,
]
