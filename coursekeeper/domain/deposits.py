"""Deposit ledger kinds and the status derived from the entries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class EntryKind(StrEnum):
    """Kind of ledger entry. Amounts are positive øre for money in, refunds are money out."""

    PAYMENT = "payment"
    REFUND = "refund"
    FORFEIT = "forfeit"
    CORRECTION = "correction"

    @property
    def label(self) -> str:
        """Norwegian name shown to the user."""
        return ENTRY_KIND_LABELS[self]


ENTRY_KIND_LABELS = {
    EntryKind.PAYMENT: "Innbetaling",
    EntryKind.REFUND: "Tilbakebetaling",
    EntryKind.FORFEIT: "Beholdt (tapt egenandel)",
    EntryKind.CORRECTION: "Korrigering",
}


class DepositStatus(StrEnum):
    """Derived status of one enrolment's deposit."""

    UNPAID = "unpaid"
    PAID = "paid"
    REFUND_DUE = "refund_due"
    REFUNDED = "refunded"
    FORFEITED = "forfeited"
    WAIVED = "waived"

    @property
    def label(self) -> str:
        """Norwegian name shown to the user."""
        return DEPOSIT_STATUS_LABELS[self]


DEPOSIT_STATUS_LABELS = {
    DepositStatus.UNPAID: "Ikke betalt",
    DepositStatus.PAID: "Betalt",
    DepositStatus.REFUND_DUE: "Skal tilbakebetales",
    DepositStatus.REFUNDED: "Tilbakebetalt",
    DepositStatus.FORFEITED: "Beholdt",
    DepositStatus.WAIVED: "Fritatt",
}


@dataclass(frozen=True)
class Balance:
    """Sums of one enrolment's ledger entries, in øre.

    ``paid`` is payments plus corrections of payments; ``refunded`` and ``forfeited`` are the
    money sent back and kept. ``held`` is what the organiser still holds for the participant.
    """

    paid: int = 0
    refunded: int = 0
    forfeited: int = 0

    @property
    def held(self) -> int:
        """Money held and neither refunded nor forfeited."""
        return self.paid - self.refunded - self.forfeited


def balance(entries: Iterable[tuple[str, int, str | None]]) -> Balance:
    """Sum ``(kind, amount_ore, corrects_kind)`` entries; a correction adds to the kind it corrects."""
    paid = refunded = forfeited = 0
    for kind, amount, corrects in entries:
        target = EntryKind(corrects) if kind == EntryKind.CORRECTION and corrects else EntryKind(kind)
        if target == EntryKind.PAYMENT:
            paid += amount
        elif target == EntryKind.REFUND:
            refunded += amount
        elif target == EntryKind.FORFEIT:
            forfeited += amount
    return Balance(paid, refunded, forfeited)


def derive_status(bal: Balance, *, deposit_ore: int, refund_due: bool, waived: bool = False) -> DepositStatus:
    """Status from the sums: unpaid, paid, refund due, refunded, forfeited (or waived)."""
    if bal.paid <= 0:
        return DepositStatus.WAIVED if waived else DepositStatus.UNPAID
    if bal.held <= 0:
        return DepositStatus.FORFEITED if bal.forfeited > 0 else DepositStatus.REFUNDED
    if refund_due:
        return DepositStatus.REFUND_DUE
    if bal.paid < deposit_ore:
        return DepositStatus.UNPAID
    return DepositStatus.PAID
