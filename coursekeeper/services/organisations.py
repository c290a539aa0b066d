"""The organiser's own profile and the partner organisations that co-host courses."""

from __future__ import annotations

from dataclasses import dataclass, fields

from coursekeeper.db.connection import database
from coursekeeper.db.models import Organisation
from coursekeeper.domain.certificates import check_prefix
from coursekeeper.domain.text import normalise_name, search_key
from coursekeeper.errors import ValidationError
from coursekeeper.i18n import tr
from coursekeeper.services import audit
from coursekeeper.services.versions import check_version


@dataclass
class OwnProfile:
    """Editable organiser profile, as the settings view shows it."""

    name: str = ""
    certificate_prefix: str = ""
    address: str = ""
    postal_code: str = ""
    city: str = ""
    email: str = ""
    phone: str = ""
    signatory_name: str = ""
    signatory_title: str = ""
    logo: bytes | None = None
    version: int | None = None  # the version the form was filled from; None: do not check


def own_organisation() -> Organisation | None:
    """The organiser's own profile row, if it was set up."""
    return Organisation.select().where(Organisation.is_own).first()


def get_own_profile() -> OwnProfile:
    """The profile as plain values (empty values when not set up yet)."""
    org = own_organisation()
    if org is None:  # version 0: a save from this form is refused once someone created one
        return OwnProfile(version=0)
    values = {f.name: getattr(org, f.name) for f in fields(OwnProfile)}
    values["certificate_prefix"] = values["certificate_prefix"] or ""
    values["logo"] = bytes(org.logo) if org.logo else None
    return OwnProfile(**values)


def save_own_profile(profile: OwnProfile) -> OwnProfile:
    """Validate and store the organiser profile."""
    name = normalise_name(profile.name)
    if not name:
        raise ValidationError(tr("Navn på organisasjonen mangler."))
    prefix = check_prefix(profile.certificate_prefix)
    with database.atomic():
        org = own_organisation()
        if org is not None:
            check_version(Organisation, org.id, profile.version, "organisation")
            org = own_organisation()
        before = audit.snapshot(org)
        if org is None:
            org = Organisation(is_own=True)
        for f in fields(OwnProfile):
            if f.name != "version":
                setattr(org, f.name, getattr(profile, f.name))
        org.name, org.certificate_prefix = name, prefix
        org.save()
        audit.record(
            "update" if before else "create",
            "organisation",
            org.id,
            before=before,
            after=audit.snapshot(org),
        )
    return get_own_profile()


def find_or_create_partner(name: str) -> Organisation:
    """A partner organisation by name (case and æøå spellings folded), created when new."""
    clean = normalise_name(name)
    if not clean:
        raise ValidationError(tr("Navn på samarbeidspartner mangler."))
    key = search_key(clean)
    for org in Organisation.select().where(~Organisation.is_own):
        if search_key(org.name) == key:
            return org
    org = Organisation.create(name=clean, is_own=False)
    audit.record("create", "organisation", org.id, after=audit.snapshot(org))
    return org


def partner_names() -> list[str]:
    """Names of known partner organisations, for completion."""
    query = Organisation.select(Organisation.name).where(~Organisation.is_own)
    return sorted((o.name for o in query), key=search_key)
