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

from app.crypto import signing
from app.errors import (
    EnrolmentRefused,
    KeyFileInvalid,
    RotationDamaged,
    RotationNotCurrentKey,
    RotationOtherOffice,
    RotationReplayed,
    RotationRevokedKey,
)
from app.exchange.office_id import check_office_id

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


def statement_fields(statement: bytes) -> dict[str, str]:
    """The ``name:value`` lines of a rotation statement (empty when it is not ASCII text)."""
    try:
        text = statement.decode("ascii")
    except UnicodeDecodeError:
        return {}
    return dict(line.split(":", 1) for line in text.splitlines() if ":" in line)


def _date(day: dt.date | None) -> tuple[str, str]:
    return (f"{day:%d.%m.%Y}", day.isoformat()) if day else ("", "")


def rotate(
    registry: Registry,
    office_id: str,
    statement: bytes,
    signature: bytes,
    today: dt.date,
) -> tuple[Registry, str]:
    """Accept an office's new key because its active key signed the rotation statement
    (app/office_keys.rotate): no phone call needed. Returns the registry and the new key id.

    Refused (each with its own RotationRefused subclass): a statement signed by a key that
    is not the office's current one, for another office, damaged (signature or text), signed
    by a revoked key, or one already read in (replayed)."""
    entry = registry.office(office_id)
    if entry is None:
        raise unknown_office_for_enrolment(office_id)
    active = entry.active_key
    current = active.key_id if active else "–"
    signer = signing.signature_key_id(signature, RotationDamaged)
    key = entry.key(signer)
    if key is None:
        raise RotationNotCurrentKey(
            f"Die Erklärung zum Schlüsselwechsel ist mit dem Schlüssel {signer} signiert; "
            f"der aktuelle Schlüssel der Beratungsstelle {office_id} ist {current}. Nur der "
            "aktuelle Schlüssel kann einen neuen bestätigen. Richtige Stelle gewählt? Sonst "
            "die Stelle neu eintragen (Schlüssel-ID telefonisch abgleichen).",
            f"The key rotation statement is signed with key {signer}; the current key of "
            f"office {office_id} is {current}. Only the current key can vouch for a new one. "
            "Is this the right office? Otherwise enrol the office again (compare the key id "
            "by phone).",
        )
    signing.verify(
        statement,
        signature,
        [key.public_key.encode("ascii")],
        errors=RotationDamaged,
        what=("die Erklärung zum Schlüsselwechsel", "the key rotation statement"),
    )
    fields = statement_fields(statement)
    new_line = fields.get("new_public_key", "").strip()
    if fields.get("format") != ROTATION_FORMAT or not new_line or not fields.get("new_key_id"):
        raise RotationDamaged(
            "Die Erklärung zum Schlüsselwechsel ist unvollständig oder in einem unbekannten "
            "Format. Bitte die Dateien erneut von der Stelle anfordern.",
            "The key rotation statement is incomplete or in an unknown format. Ask the "
            "office for the files again.",
        )
    if fields.get("office") != office_id:
        raise RotationOtherOffice(
            f"Die Erklärung zum Schlüsselwechsel gilt für die Beratungsstelle "
            f"{fields.get('office')}, nicht für {office_id}. Bitte bei der richtigen Stelle "
            "einlesen.",
            f"The key rotation statement is for office {fields.get('office')}, not for "
            f"{office_id}. Read it in for the right office.",
        )
    if key.status == REVOKED:
        de, en = _date(key.ended)
        raise RotationRevokedKey(
            f"Die Erklärung zum Schlüsselwechsel ist mit dem Schlüssel {key.key_id} signiert, "
            f"der am {de} widerrufen wurde. Ein widerrufener Schlüssel kann keinen neuen "
            "bestätigen: bitte die Stelle mit ihrem neuen Schlüssel neu eintragen (Schlüssel-ID "
            "telefonisch abgleichen).",
            f"The key rotation statement is signed with key {key.key_id}, which was revoked "
            f"on {en}. A revoked key cannot vouch for a new one: enrol the office again with "
            "its new key (compare the key id by phone).",
        )
    known = entry.key(fields["new_key_id"].strip().upper())
    if key.status != ACTIVE and known is not None:
        de, en = _date(known.added)
        raise RotationReplayed(
            f"Dieser Schlüsselwechsel ({key.key_id} → {known.key_id}) wurde bereits am {de} "
            f"eingelesen. Aktueller Schlüssel der Beratungsstelle {office_id}: {current}.",
            f"This key rotation ({key.key_id} -> {known.key_id}) was already read in on {en}. "
            f"Current key of office {office_id}: {current}.",
        )
    if key.status != ACTIVE or fields.get("old_key_id") != key.key_id:
        de, en = _date(key.ended)
        raise RotationNotCurrentKey(
            f"Die Erklärung zum Schlüsselwechsel ist mit dem Schlüssel {key.key_id} signiert, "
            f"der am {de} ersetzt wurde; der aktuelle Schlüssel der Beratungsstelle "
            f"{office_id} ist {current}. Nur der aktuelle Schlüssel kann einen neuen bestätigen.",
            f"The key rotation statement is signed with key {key.key_id}, which was replaced "
            f"on {en}; the current key of office {office_id} is {current}. Only the current "
            "key can vouch for a new one.",
        )
    try:
        kid, text = read_office_key(new_line.encode("ascii"))
    except (EnrolmentRefused, UnicodeEncodeError) as exc:
        raise RotationDamaged(
            "Der neue Schlüssel in der Erklärung zum Schlüsselwechsel ist unlesbar. Bitte die "
            "Dateien erneut von der Stelle anfordern.",
            "The new key in the key rotation statement cannot be read. Ask the office for "
            "the files again.",
        ) from exc
    if fields["new_key_id"].strip().upper() != kid or registry.owner_of(kid) is not None:
        raise RotationDamaged(
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
