"""Retention (DESIGN §6) at its edges: one day before the date nothing is due, on the date it is."""

from __future__ import annotations

import datetime as dt

import pytest

from coursekeeper.db.models import AuditLog, Person, Screening
from coursekeeper.errors import ValidationError
from coursekeeper.services import assignments, courses, deposits, enrolments, people, retention, screening
from coursekeeper.services.retention import RetentionSettings

COURSE_END = dt.date(2024, 8, 31)  # + 12 months = 31.08.2025; + 5 years = 31.08.2029


def _course() -> int:
    created = courses.create_course(
        courses.CourseInput(
            title="Kurs for treningskontakter – Askøy",
            municipality="Askøy",
            screening_required=True,
            sessions=[courses.SessionInput(d, "09:00", "15:00") for d in (dt.date(2024, 8, 30), COURSE_END)],
        )
    )
    return created.id


def _applicant(course_id: int, first: str, outcome: str, notes: str) -> int:
    person = people.create_person(people.PersonInput(first, "Hansen", dt.date(1990, 5, 5)))
    person_created = dt.datetime(2024, 6, 1, 12)
    Person.update(created_at=person_created).where(Person.id == person.id).execute()
    enrolment = enrolments.enrol(course_id=course_id, person_id=person.id)
    screening.record_screening(enrolment_id=enrolment.id, outcome=outcome, notes=notes)
    return enrolment.id


def test_notes_of_applicants_not_accepted_go_12_months_after_the_course(db) -> None:
    course = _course()
    rejected = _applicant(course, "Rune", "unsuitable", "Virket urolig")
    enrolments.reject(rejected)
    accepted = _applicant(course, "Anne", "suitable", "Trygg og rolig")
    enrolments.accept(accepted)
    assert retention.plan(dt.date(2025, 8, 30)).notes == []  # one day before
    due = retention.plan(dt.date(2025, 8, 31)).notes
    assert [(n.enrolment_id, n.due_on) for n in due] == [(rejected, dt.date(2025, 8, 31))]
    assert "Rune Hansen" in retention.plan(dt.date(2025, 8, 31)).lines()[0]
    result = retention.apply(dt.date(2025, 8, 31))
    assert result.notes_deleted == 1
    assert Screening.get(Screening.enrolment == rejected).notes == ""
    assert Screening.get(Screening.enrolment == accepted).notes == "Trygg og rolig"
    assert AuditLog.select().where(AuditLog.action == "retention").count() == 1
    assert retention.plan(dt.date(2025, 8, 31)).empty


def test_inactive_people_are_proposed_after_five_years_and_money_stops_it(db) -> None:
    course = _course()
    quiet = _applicant(course, "Stille", "suitable", "")
    enrolments.accept(quiet)
    payer = _applicant(course, "Betaler", "suitable", "")
    enrolments.accept(payer)
    deposits.record_payment(enrolment_id=payer, amount_ore=100_000, paid_on=dt.date(2024, 8, 1))
    busy = _applicant(course, "Travel", "suitable", "")
    busy_person = enrolments.get_enrolment(busy).person_id
    assignments.add_assignment(person_id=busy_person, start_date=dt.date(2024, 9, 1))  # still running
    assert [p.name for p in retention.plan(dt.date(2029, 8, 30)).people] == []
    due = retention.plan(dt.date(2029, 8, 31)).people
    assert sorted(p.name for p in due) == ["Betaler Hansen", "Stille Hansen"]
    assert {p.last_activity for p in due} == {COURSE_END}
    result = retention.apply(dt.date(2029, 8, 31))
    assert result.people_anonymised == 1 and len(result.skipped) == 1  # 1 000 kr still held for Betaler
    assert "1 000 kr" in result.skipped[0]
    assert Person.get_by_id(enrolments.get_enrolment(quiet).person_id).anonymised_at is not None
    assert Person.get_by_id(busy_person).first_name == "Travel"


def test_settings_are_kept_and_checked(db) -> None:
    assert retention.get_settings() == RetentionSettings(12, 5)
    retention.save_settings(RetentionSettings(6, 3))
    assert retention.get_settings() == RetentionSettings(6, 3)
    with pytest.raises(ValidationError, match="mellom 1 og 120 måneder"):
        retention.save_settings(RetentionSettings(0, 3))
    course = _course()
    rejected = _applicant(course, "Rune", "unsuitable", "Notat")
    enrolments.reject(rejected)
    assert retention.plan(dt.date(2025, 2, 27)).notes == []
    assert len(retention.plan(dt.date(2025, 2, 28)).notes) == 1  # 31.08 + 6 months, clamped


def _created_long_ago(first: str) -> int:
    person = people.create_person(people.PersonInput(first, "Berg", dt.date(1985, 1, 1)))
    Person.update(created_at=dt.datetime(2020, 1, 1, 9)).where(Person.id == person.id).execute()
    return person.id


def test_the_last_activity_is_the_latest_of_registration_assignment_and_money(db) -> None:
    _created_long_ago("Registrert")  # nothing since registering on 01.01.2020
    assignment_until_leap_day = _created_long_ago("Oppdrag")
    assignments.add_assignment(
        person_id=assignment_until_leap_day, start_date=dt.date(2023, 3, 1), end_date=dt.date(2024, 2, 29)
    )
    paid_late = _applicant(_course(), "Sen", "suitable", "")
    deposits.record_payment(enrolment_id=paid_late, amount_ore=100_000, paid_on=dt.date(2024, 10, 15))

    def due(on: dt.date) -> dict[str, dt.date]:
        return {p.name: p.last_activity for p in retention.plan(on).people}

    assert due(dt.date(2025, 1, 1)) == {"Registrert Berg": dt.date(2020, 1, 1)}
    assert due(dt.date(2029, 2, 27)) == {"Registrert Berg": dt.date(2020, 1, 1)}
    leap_day_plus_five_years = dt.date(2029, 2, 28)  # 29.02.2024 + 60 months, clamped
    assert due(leap_day_plus_five_years)["Oppdrag Berg"] == dt.date(2024, 2, 29)
    assert "Sen Hansen" not in due(dt.date(2029, 10, 14))
    assert due(dt.date(2029, 10, 15))["Sen Hansen"] == dt.date(2024, 10, 15)  # not the course's end
