"""Issue certificates to chosen enrolments of a course, all or nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from coursekeeper.db.connection import database
from coursekeeper.errors import ValidationError
from coursekeeper.i18n import tr
from coursekeeper.services import certificates


def issue_selected(
    *, enrolment_ids: Iterable[int], issued_on: dt.date | None = None
) -> list[tuple[str, str]]:
    """Issue to each chosen enrolment in ONE transaction; (number, name) of each, in order.

    A refusal for one (not completed, unpaid, already has one …) issues none of them.
    """
    ids = list(dict.fromkeys(enrolment_ids))
    if not ids:
        raise ValidationError(tr("Velg minst én deltaker som skal få kursbevis."))
    issued = []
    with database.atomic():
        for enrolment_id in ids:
            cert = certificates.issue_certificate(enrolment_id, issued_on)
            content = certificates.content_of(cert)
            issued.append((cert.number, f"{content['first_name']} {content['last_name']}"))
    return issued
