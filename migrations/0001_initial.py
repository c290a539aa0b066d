"""Initial schema: every entity of DESIGN §2, the audit log, and the append-only ledger triggers.

Frozen copies of the models as they were when this migration was released; never edit it.
"""

from peewee import *

LEDGER_GUARD_SQLITE = (
    """CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE ON ledger_entry
    BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: add a correcting entry'); END""",
    """CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry
    BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: add a correcting entry'); END""",
)

LEDGER_GUARD_POSTGRES = (
    """CREATE FUNCTION ledger_entry_append_only() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'ledger entries are append-only: add a correcting entry';
    END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_append_only()""",
    """CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_append_only()""",
)


def _guard_ledger(db):
    statements = LEDGER_GUARD_SQLITE if isinstance(db, SqliteDatabase) else LEDGER_GUARD_POSTGRES
    for statement in statements:
        db.execute_sql(statement)


def up(migrator, db):
    class AppSetting(Model):
        key = CharField(unique=True)
        value = TextField()

        class Meta:
            database = db
            table_name = "app_setting"

    db.create_tables([AppSetting])

    class Municipality(Model):
        number = CharField(unique=True, max_length=4)
        name = CharField()
        county = CharField(default="")

        class Meta:
            database = db
            table_name = "municipality"

    db.create_tables([Municipality])

    class Person(Model):
        first_name = CharField()
        last_name = CharField()
        birth_date = DateField(null=True)
        email = CharField(index=True, null=True)
        phone = CharField(null=True)
        address = CharField(default="")
        postal_code = CharField(max_length=10, default="")
        city = CharField(default="")
        municipality = ForeignKeyField(Municipality, null=True, on_delete="RESTRICT")
        search_key = CharField(index=True, default="")
        anonymised_at = DateTimeField(null=True)
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "person"

    db.create_tables([Person])

    class Assignment(Model):
        person = ForeignKeyField(Person, on_delete="RESTRICT")
        municipality = ForeignKeyField(Municipality, null=True, on_delete="RESTRICT")
        start_date = DateField()
        end_date = DateField(null=True)
        note = TextField(default="")
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "assignment"

    db.create_tables([Assignment])

    class Course(Model):
        title = CharField()
        municipality = ForeignKeyField(Municipality, null=True, on_delete="RESTRICT")
        venue = CharField(default="")
        start_date = DateField(index=True)
        end_date = DateField()
        capacity = IntegerField(default=30)
        deposit_ore = IntegerField(default=100000)
        deposit_waived = BooleanField(default=False)
        binding_date = DateField(null=True)
        required_minutes = IntegerField(null=True)
        screening_required = BooleanField(default=True)
        topics = TextField(default="")
        status = CharField(index=True, max_length=16, default="planned")
        assignment_deadline_months = IntegerField(null=True)
        notes = TextField(default="")
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "course"

    db.create_tables([Course])

    class Enrolment(Model):
        course = ForeignKeyField(Course, on_delete="RESTRICT")
        person = ForeignKeyField(Person, on_delete="RESTRICT")
        state = CharField(max_length=16, default="applied")
        applied_at = DateTimeField()
        state_changed_at = DateTimeField()
        source = CharField(default="")
        source_file = CharField(null=True)
        source_row = IntegerField(null=True)
        notes = TextField(default="")

        class Meta:
            database = db
            table_name = "enrolment"
            indexes = ((("course", "person"), True), (("course", "state", "applied_at"), False))

    db.create_tables([Enrolment])

    class CourseSession(Model):
        course = ForeignKeyField(Course, on_delete="CASCADE")
        date = DateField()
        start_time = CharField(max_length=5, default="")
        end_time = CharField(max_length=5, default="")
        minutes = IntegerField()

        class Meta:
            database = db
            table_name = "course_session"
            indexes = ((("course", "date"), False),)

    db.create_tables([CourseSession])

    class Attendance(Model):
        enrolment = ForeignKeyField(Enrolment, on_delete="CASCADE")
        session = ForeignKeyField(CourseSession, on_delete="CASCADE")
        minutes = IntegerField(default=0)

        class Meta:
            database = db
            table_name = "attendance"
            indexes = ((("enrolment", "session"), True),)

    db.create_tables([Attendance])

    class AuditLog(Model):
        at = DateTimeField(index=True)
        actor = CharField()
        action = CharField(max_length=40)
        entity = CharField(max_length=40)
        entity_id = IntegerField(null=True)
        before = TextField(null=True)
        after = TextField(null=True)

        class Meta:
            database = db
            table_name = "audit_log"
            indexes = ((("entity", "entity_id"), False),)

    db.create_tables([AuditLog])

    class Certificate(Model):
        enrolment = ForeignKeyField(Enrolment, on_delete="RESTRICT")
        number = CharField(unique=True)
        prefix = CharField(max_length=10)
        year = IntegerField()
        sequence = IntegerField()
        issued_on = DateField()
        content = TextField()
        code = CharField(unique=True)
        revoked_at = DateTimeField(null=True)
        revoked_reason = TextField(default="")
        duplicate_count = IntegerField(default=0)
        last_duplicate_on = DateField(null=True)

        class Meta:
            database = db
            table_name = "certificate"
            indexes = ((("prefix", "year", "sequence"), True),)

    db.create_tables([Certificate])

    class Organisation(Model):
        name = CharField()
        is_own = BooleanField(default=False)
        certificate_prefix = CharField(null=True, max_length=10)
        address = CharField(default="")
        postal_code = CharField(max_length=10, default="")
        city = CharField(default="")
        email = CharField(default="")
        phone = CharField(default="")
        signatory_name = CharField(default="")
        signatory_title = CharField(default="")
        logo = BlobField(null=True)
        created_at = DateTimeField()

        class Meta:
            database = db
            table_name = "organisation"

    db.create_tables([Organisation])

    class CourseOrganiser(Model):
        course = ForeignKeyField(Course, on_delete="CASCADE")
        organisation = ForeignKeyField(Organisation, on_delete="RESTRICT")
        position = IntegerField(default=0)

        class Meta:
            database = db
            table_name = "course_organiser"
            indexes = ((("course", "organisation"), True),)

    db.create_tables([CourseOrganiser])

    class LedgerEntry(Model):
        enrolment = ForeignKeyField(Enrolment, on_delete="RESTRICT")
        kind = CharField(max_length=16)
        amount_ore = IntegerField()
        corrects = ForeignKeyField("self", null=True, on_delete="RESTRICT")
        entry_date = DateField()
        method = CharField(default="")
        reference = CharField(default="")
        note = TextField(default="")
        entered_by = CharField(default="")
        entered_at = DateTimeField()

        class Meta:
            database = db
            table_name = "ledger_entry"
            indexes = ((("enrolment", "kind"), False),)

    db.create_tables([LedgerEntry])

    class Screening(Model):
        enrolment = ForeignKeyField(Enrolment, unique=True, on_delete="CASCADE")
        date = DateField(null=True)
        interviewer = CharField(default="")
        outcome = CharField(max_length=16, default="pending")
        notes = TextField(default="")
        updated_at = DateTimeField()

        class Meta:
            database = db
            table_name = "screening"

    db.create_tables([Screening])

    _guard_ledger(db)


def down(migrator, db):
    if not isinstance(db, SqliteDatabase):
        db.execute_sql("DROP FUNCTION IF EXISTS ledger_entry_append_only() CASCADE")
    migrator.migrate(migrator.drop_table("screening"))
    migrator.migrate(migrator.drop_table("ledger_entry"))
    migrator.migrate(migrator.drop_table("course_organiser"))
    migrator.migrate(migrator.drop_table("organisation"))
    migrator.migrate(migrator.drop_table("certificate"))
    migrator.migrate(migrator.drop_table("audit_log"))
    migrator.migrate(migrator.drop_table("attendance"))
    migrator.migrate(migrator.drop_table("course_session"))
    migrator.migrate(migrator.drop_table("enrolment"))
    migrator.migrate(migrator.drop_table("course"))
    migrator.migrate(migrator.drop_table("assignment"))
    migrator.migrate(migrator.drop_table("person"))
    migrator.migrate(migrator.drop_table("municipality"))
    migrator.migrate(migrator.drop_table("app_setting"))
