"""No silent overwrite (DESIGN §8): a form's save names the version it was based on.

The forms read a row's ``version`` with its values and hand it back with the save. When the row
moved on in between, the save is refused and says who changed it and when (from the audit log);
the form keeps what the user typed and offers to build on the stored version instead.
"""

from __future__ import annotations

from coursekeeper.db.models import AuditLog, Versioned
from coursekeeper.domain.dates import format_datetime
from coursekeeper.errors import ChangedElsewhereError
from coursekeeper.i18n import tr
from coursekeeper.services.locks import lock_row


def check_version(
    model: type[Versioned], row_id: int, based_on: int | None, entity: str, *, locked: Versioned | None = None
) -> None:
    """Inside a caller's transaction: refuse unless row ``row_id`` is still at ``based_on``.

    ``based_on`` None (the command line, a batch) checks nothing. The row stays locked until the
    transaction ends, so no other save slips in between this check and the caller's write.
    ``locked``: the row as the caller already read it under that lock (no second round trip).
    """
    if based_on is None:
        return
    if locked is None:
        lock_row(model, row_id)
        current = model.select(model.version).where(model.id == row_id).scalar()
    else:
        current = locked.version
    if current is None or current == based_on:
        return
    raise changed_elsewhere(entity, row_id)


def last_change(entity: str, row_id: int) -> tuple[str, str] | None:
    """Who last changed row ``row_id`` of ``entity`` and when (as shown), from the audit log."""
    last = (
        AuditLog.select(AuditLog.actor, AuditLog.at)
        .where((AuditLog.entity == entity) & (AuditLog.entity_id == row_id))
        .order_by(AuditLog.id.desc())
        .first()
    )
    return None if last is None else (last.actor, format_datetime(last.at))


def changed_elsewhere(entity: str, row_id: int) -> ChangedElsewhereError:
    """The refusal of a save based on an old version of the row: who changed it and when."""
    last = last_change(entity, row_id)
    if last is None:
        return ChangedElsewhereError(
            tr("Noen andre har lagret endringer her etter at du åpnet skjemaet. Ingenting er lagret.")
        )
    who, when = last
    return ChangedElsewhereError(
        tr(
            "{who} lagret endringer her {when}, etter at du åpnet skjemaet. Ingenting er lagret.",
            who=who,
            when=when,
        )
    )
