"""Pure rules: six months, transitions, identity numbers, certificate codes, search keys."""

from __future__ import annotations

import datetime as dt

import pytest

from coursekeeper.domain.certificates import code_matches, normalise_code, verification_code
from coursekeeper.domain.deposits import Balance, DepositStatus, balance, derive_status
from coursekeeper.domain.identity_numbers import (
    birth_date_from_identity_number,
    is_identity_number,
    looks_like_identity_column,
)
from coursekeeper.domain.six_months import AssignmentPeriod, reached_on, refundable_since
from coursekeeper.domain.states import EnrolmentState as S
from coursekeeper.domain.states import check_transition
from coursekeeper.domain.text import search_key
from coursekeeper.errors import RuleError

D = dt.date


def test_six_months_from_31_august_is_end_of_february() -> None:
    assert reached_on(AssignmentPeriod(D(2026, 8, 31))) == D(2027, 2, 28)


def test_assignment_ending_the_day_before_six_months_does_not_qualify() -> None:
    assert reached_on(AssignmentPeriod(D(2026, 8, 31), D(2027, 2, 27))) is None


def test_assignment_ending_on_the_day_qualifies() -> None:
    assert reached_on(AssignmentPeriod(D(2026, 8, 31), D(2027, 2, 28))) == D(2027, 2, 28)


def test_refundable_since_needs_the_date_reached() -> None:
    periods = [AssignmentPeriod(D(2026, 1, 15))]
    assert refundable_since(periods, D(2026, 7, 14)) is None
    assert refundable_since(periods, D(2026, 7, 15)) == (periods[0], D(2026, 7, 15))


ALLOWED = {
    S.APPLIED: {S.ACCEPTED, S.WAITLISTED, S.REJECTED, S.WITHDRAWN},
    S.WAITLISTED: {S.ACCEPTED, S.WITHDRAWN},
    S.ACCEPTED: {S.WITHDRAWN, S.NO_SHOW, S.COMPLETED, S.NOT_COMPLETED},
}


@pytest.mark.parametrize("current", list(S))
@pytest.mark.parametrize("target", list(S))
def test_transitions_follow_the_design(current: S, target: S) -> None:
    if target in ALLOWED.get(current, set()):
        check_transition(current, target)
    else:
        with pytest.raises(RuleError, match="Kan ikke endre status"):
            check_transition(current, target)


def _fnr(day: int, month: int, yy: int, individual: int) -> str:
    """A valid classic fødselsnummer built with the mod-11 rule."""
    base = f"{day:02d}{month:02d}{yy:02d}{individual:03d}"
    for _ in range(2):
        weights = (3, 7, 6, 1, 8, 9, 4, 5, 2) if len(base) == 9 else (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
        k = 11 - sum(w * int(c) for w, c in zip(weights, base, strict=True)) % 11
        if k == 10:
            return ""
        base += str(0 if k == 11 else k)
    return base


def test_identity_numbers_are_recognised_and_give_the_birth_date() -> None:
    number = next(n for i in range(100, 200) if (n := _fnr(9, 4, 85, i)))
    assert is_identity_number(number)
    assert birth_date_from_identity_number(number) == D(1985, 4, 9)
    broken = number[:-1] + str((int(number[-1]) + 1) % 10)
    assert not is_identity_number(broken)
    assert not is_identity_number("12345678901")
    assert looks_like_identity_column([number, number, "", None])
    assert not looks_like_identity_column(["91234567", "Åse"])


def test_verification_code_depends_on_content_and_secret() -> None:
    content = {"number": "HIK-2026-0001", "first_name": "Åse"}
    code = verification_code(content, b"s" * 32)
    assert code_matches(content, b"s" * 32, code.lower().replace("-", " "))
    assert not code_matches({**content, "first_name": "Åsa"}, b"s" * 32, code)
    assert not code_matches(content, b"t" * 32, code)
    assert normalise_code(code) == code


def test_search_key_folds_norwegian_spellings() -> None:
    assert search_key("Ødegård") == search_key("ODEGAARD") == search_key("odegard")
    assert search_key("Kjærstad") == search_key("kjaerstad")
    assert search_key("Åse") == search_key("Aase")


def test_deposit_status_from_entries() -> None:
    paid = balance([("payment", 100_000, None)])
    assert derive_status(paid, deposit_ore=100_000, refund_due=False) == DepositStatus.PAID
    assert derive_status(paid, deposit_ore=100_000, refund_due=True) == DepositStatus.REFUND_DUE
    refunded = balance([("payment", 100_000, None), ("refund", 100_000, None)])
    assert derive_status(refunded, deposit_ore=100_000, refund_due=False) == DepositStatus.REFUNDED
    kept = balance([("payment", 100_000, None), ("forfeit", 100_000, None)])
    assert derive_status(kept, deposit_ore=100_000, refund_due=False) == DepositStatus.FORFEITED
    reversed_payment = balance([("payment", 100_000, None), ("correction", -100_000, "payment")])
    assert reversed_payment == Balance(0, 0, 0)
    assert derive_status(reversed_payment, deposit_ore=100_000, refund_due=False) == DepositStatus.UNPAID
