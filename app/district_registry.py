"""The district's registry of enrolled offices and their signing keys (pure functions).

Each office has one *active* minisign key at a time. A key is enrolled after the planner
has compared its key id with the office lead by phone. Keys end in one of two ways:
*retired* (replaced by a newer key, by re-enrolment or by a rotation statement signed with
the old key) or *revoked* (lost or stolen). Packages are accepted only when signed by the
office's active key; the history of every key stays in the registry.

The registry is kept as one sealed setting of the district vault (app/district.py); the
functions here take a Registry and return a new one, so they can be tested without a vault.
"""

from __future__ import annotations

import datetime as dt

import msgspec

from app import signing
from app.errors import EnrolmentRefused, KeyFileInvalid
from app.office import check_office_id

ACTIVE, RETIRED, REVOKED = "active", "retired", "revoked"
ROTATION_FORMAT = "fallzahl-key-rotation/1"  # app/office_keys.py


class OfficeKey(msgspec.Struct, frozen=True, kw_only=True):
    key_id: str
    public_key: str  # the minisign public key file as text
    added: dt.date
    status: str = ACTIVE  # active | retired | revoked
    ended: dt.date | None = None
    how: str = "enrolled"  # enrolled | rotated


class OfficeEntry(msgspec.Struct, frozen=True, kw_only=True):
    office_id: str
    name: str
    enrolled: dt.date
    keys: tuple[OfficeKey, ...] = ()

    @property
    def active_key(self) -> OfficeKey | None:
        return next((k for k in self.keys if k.status == ACTIVE), None)

    def key(self, key_id: str) -> OfficeKey | None:
        return next((k for k in self.keys if k.key_id == key_id), None)


class Registry(msgspec.Struct, frozen=True, kw_only=True):
    offices: tuple[OfficeEntry, ...] = ()

    def office(self, office_id: str) -> OfficeEntry | None:
        return next((o for o in self.offices if o.office_id == office_id), None)

    def owner_of(self, key_id: str) -> OfficeEntry | None:
        return next((o for o in self.offices if o.key(key_id) is not None), None)


def _replace_office(registry: Registry, entry: OfficeEntry) -> Registry:
    others = [o for o in registry.offices if o.office_id != entry.office_id]
    return Registry(offices=tuple(sorted([*others, entry], key=lambda o: o.office_id)))


def _end_active(entry: OfficeEntry, today: dt.date) -> tuple[OfficeKey, ...]:
    return tuple(
        msgspec.structs.replace(k, status=RETIRED, ended=today) if k.status == ACTIVE else k
        for k in entry.keys
    )


def read_office_key(public_key_file: bytes) -> tuple[str, str]:
    """(key id, normalized key file text) of an office's public key file."""
    pk = signing.read_public_key(public_key_file, error=EnrolmentRefused)
    kid = signing.key_id(pk)
    return kid, bytes(pk).decode("ascii").strip() + "\n"


def enrol(
    registry: Registry,
    office_id: str,
    office_name: str,
    public_key_file: bytes,
    today: dt.date,
) -> tuple[Registry, str]:
    """Enrol an office with its public key, or re-enrol it with a new key (the old one
    retires). Returns the new registry and the key id to compare by phone."""
    check_office_id(office_id)
    try:
        kid, text = read_office_key(public_key_file)
    except KeyFileInvalid as exc:  # pragma: no cover - read_office_key names its error
        raise EnrolmentRefused(exc.de, exc.en) from exc
    owner = registry.owner_of(kid)
    if owner is not None and owner.office_id != office_id:
        raise EnrolmentRefused(
            f"Der Schlüssel {kid} ist bereits für die Beratungsstelle {owner.office_id} "
            "eingetragen. Jede Beratungsstelle braucht ihren eigenen Schlüssel; bitte die "
            "richtige Datei („office-key“) von der Stelle anfordern.",
            f"Key {kid} is already enrolled for office {owner.office_id}. Every office needs "
            "its own key; ask the office for the right file ('office-key').",
        )
    entry = registry.office(office_id)
    if entry is None:
        entry = OfficeEntry(
            office_id=office_id,
            name=office_name or office_id,
            enrolled=today,
            keys=(OfficeKey(key_id=kid, public_key=text, added=today),),
        )
        return _replace_office(registry, entry), kid
    old = entry.key(kid)
    if old is not None:
        if old.status == ACTIVE:
            if office_name and office_name != entry.name:
                entry = msgspec.structs.replace(entry, name=office_name)
                return _replace_office(registry, entry), kid
            return registry, kid  # enrolling the same key again changes nothing
        raise EnrolmentRefused(
            f"Der Schlüssel {kid} der Beratungsstelle {office_id} ist "
            f"{'widerrufen' if old.status == REVOKED else 'bereits ersetzt'} und wird nicht "
            "wieder eingetragen. Die Stelle muss einen neuen Schlüssel erzeugen.",
            f"Key {kid} of office {office_id} is "
            f"{'revoked' if old.status == REVOKED else 'already replaced'} and is not enrolled "
            "again. The office must make a new key.",
        )
    keys = (*_end_active(entry, today), OfficeKey(key_id=kid, public_key=text, added=today))
    entry = msgspec.structs.replace(entry, name=office_name or entry.name, keys=keys)
    return _replace_office(registry, entry), kid


def revoke_key(registry: Registry, office_id: str, key_id: str, today: dt.date) -> Registry:
    """Mark a key as revoked: packages signed with it are refused from now on."""
    entry = registry.office(office_id)
    if entry is None:
        raise unknown_office_for_enrolment(office_id)
    key = entry.key(key_id.upper())
    if key is None:
        raise EnrolmentRefused(
            f"Die Beratungsstelle {office_id} hat keinen Schlüssel {key_id}. Eingetragen: "
            f"{', '.join(k.key_id for k in entry.keys)}.",
            f"Office {office_id} has no key {key_id}. Enrolled: "
            f"{', '.join(k.key_id for k in entry.keys)}.",
        )
    if key.status == REVOKED:
        return registry
    keys = tuple(
        msgspec.structs.replace(k, status=REVOKED, ended=today) if k.key_id == key.key_id else k
        for k in entry.keys
    )
    return _replace_office(registry, msgspec.structs.replace(entry, keys=keys))


def _statement_fields(statement: bytes) -> dict[str, str]:
    try:
        text = statement.decode("ascii")
    except UnicodeDecodeError:
        return {}
    return dict(line.split(":", 1) for line in text.splitlines() if ":" in line)


def rotate(
    registry: Registry,
    office_id: str,
    statement: bytes,
    signature: bytes,
    today: dt.date,
) -> tuple[Registry, str]:
    """Accept an office's new key because its active key signed the rotation statement
    (app/office_keys.rotate): no phone call needed. Returns the registry and the new key id."""
    entry = registry.office(office_id)
    if entry is None:
        raise unknown_office_for_enrolment(office_id)
    active = entry.active_key
    if active is None:
        raise EnrolmentRefused(
            f"Die Beratungsstelle {office_id} hat keinen gültigen Schlüssel mehr, der den "
            "neuen bestätigen könnte. Bitte neu eintragen (Schlüssel-ID telefonisch abgleichen).",
            f"Office {office_id} has no valid key left to vouch for the new one. Enrol it "
            "again (compare the key id by phone).",
        )
    signing.verify(
        statement,
        signature,
        [active.public_key.encode("ascii")],
        errors=EnrolmentRefused,
        what=("die Erklärung zum Schlüsselwechsel", "the key rotation statement"),
    )
    fields = _statement_fields(statement)
    new_line = fields.get("new_public_key", "").strip()
    if (
        fields.get("format") != ROTATION_FORMAT
        or fields.get("office") != office_id
        or fields.get("old_key_id") != active.key_id
        or not new_line
    ):
        raise EnrolmentRefused(
            f"Die Erklärung zum Schlüsselwechsel gilt nicht für den aktuellen Schlüssel "
            f"{active.key_id} der Beratungsstelle {office_id}.",
            f"The key rotation statement is not for the current key {active.key_id} of "
            f"office {office_id}.",
        )
    kid, text = read_office_key(new_line.encode("ascii"))
    if fields.get("new_key_id") != kid or registry.owner_of(kid) is not None:
        raise EnrolmentRefused(
            f"Der neue Schlüssel {kid} passt nicht zur Erklärung oder ist bereits eingetragen.",
            f"The new key {kid} does not match the statement or is already enrolled.",
        )
    keys = (
        *_end_active(entry, today),
        OfficeKey(key_id=kid, public_key=text, added=today, how="rotated"),
    )
    return _replace_office(registry, msgspec.structs.replace(entry, keys=keys)), kid


def unknown_office_for_enrolment(office_id: str) -> EnrolmentRefused:
    return EnrolmentRefused(
        f"Die Beratungsstelle {office_id} ist nicht eingetragen. Zuerst eintragen "
        "(„district enrol“).",
        f"Office {office_id} is not enrolled. Enrol it first ('district enrol').",
    )
