"""Signed provisioning files: what IT hands a new office PC (docs/provisioning-format.md).

One file, one JSON envelope: ``document`` is the provisioning document (JSON, UTF-8) in
base64, ``signature`` the detached minisign signature over exactly those bytes, made with
the district's key. Signing the bytes (not re-serialised JSON) means the standard
``minisign`` tool can check it by hand after decoding ``document``.

Order of checks: envelope, signature (nothing unsigned is parsed further), document fields,
district, expiry. Each refusal is its own ProvisioningRefused subclass.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import msgspec

from app.crypto import age, signing
from app.errors import (
    FallzahlError,
    ProvisioningBadSignature,
    ProvisioningExpired,
    ProvisioningInvalid,
    ProvisioningOtherDistrict,
    ProvisioningUnsigned,
    ProvisioningUntrustedKey,
)
from app.exchange.office_id import is_office_id
from app.scheme import model as scheme_model
from app.vault.settings import AUTO_LOCK_MINUTES, Policy

FORMAT = "fallzahl-provisioning"
FORMAT_VERSION = 1
ENVELOPE = "fallzahl_provisioning"  # key of the envelope, its value the format version
SUFFIX = ".fallzahl-provisioning"
DEFAULT_VALID_DAYS = 90
AGS = re.compile(r"^[0-9]{5}$")  # Kreisschlüssel: 5 digits of the Amtlicher Gemeindeschlüssel
WHAT = ("die Bereitstellungsdatei", "the provisioning file")
SIGNATURE_ERRORS = signing.VerifyErrors(
    missing=ProvisioningUnsigned,
    malformed=ProvisioningBadSignature,
    untrusted=ProvisioningUntrustedKey,
    invalid=ProvisioningBadSignature,
)


class Provisioning(msgspec.Struct, frozen=True, kw_only=True):
    """A verified provisioning document."""

    format_version: int
    office_id: str
    office_name: str
    district_name: str
    district_ags: str
    recipients: tuple[str, ...]  # age recipients (age1...) packages are encrypted to
    trust_anchors: tuple[bytes, ...]  # minisign public key files
    scheme_doc: bytes
    scheme_sig: bytes
    policy: Policy
    created_at: str
    expires: dt.date
    signed_by: str = ""  # key id of the district key that signed it


def make_provisioning(
    district_secret_key: bytes,
    *,
    office_id: str,
    office_name: str,
    district_name: str,
    district_ags: str,
    recipients: Iterable[str],
    trust_anchors: Iterable[bytes],
    scheme_doc: bytes,
    scheme_sig: bytes,
    policy: Policy | None = None,
    created_at: dt.datetime | None = None,
    expires: dt.date | None = None,
) -> bytes:
    """The signed provisioning file (bytes), signed with the district's minisign key."""
    created = created_at or dt.datetime.now(dt.UTC).replace(microsecond=0)
    policy = policy or Policy()
    doc = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "office": {"id": office_id, "name": office_name},
        "district": {"name": district_name, "ags": district_ags},
        "recipients": list(recipients),
        "trust_anchors": [k.decode("ascii") for k in trust_anchors],
        "scheme": {
            "doc": base64.b64encode(scheme_doc).decode("ascii"),
            "sig": base64.b64encode(scheme_sig).decode("ascii"),
        },
        "policy": {
            "auto_lock_minutes": policy.auto_lock_minutes,
            "backup_folder": policy.backup_folder,
        },
        "created_at": created.isoformat().replace("+00:00", "Z"),
        "expires": (expires or created.date() + dt.timedelta(days=DEFAULT_VALID_DAYS)).isoformat(),
    }
    # validate what we are about to sign, so a district never hands out a broken file
    _parse_document(json.dumps(doc).encode("utf-8"))
    body = json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")
    sig = signing.sign(
        body,
        district_secret_key,
        f"fallzahl provisioning office:{_ascii(office_id)} expires:{doc['expires']}",
    )
    envelope = {
        ENVELOPE: FORMAT_VERSION,
        "document": base64.b64encode(body).decode("ascii"),
        "signature": sig.decode("ascii"),
    }
    return (json.dumps(envelope, indent=2) + "\n").encode("ascii")


def _ascii(text: str) -> str:
    return "".join(c if " " < c < "\x7f" else "_" for c in text)


def _invalid(field: str, de: str, en: str) -> ProvisioningInvalid:
    return ProvisioningInvalid(
        f"Die Bereitstellungsdatei ist ungültig: Feld {field}: {de}. Bitte beim Landkreis "
        "eine neue Bereitstellungsdatei anfordern.",
        f"The provisioning file is invalid: field {field}: {en}. Ask the district for a new "
        "provisioning file.",
        field=field,
    )


def _envelope(data: bytes) -> tuple[bytes, bytes | None]:
    """(document bytes, signature or None) from the file."""
    try:
        obj = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise _invalid("(Datei)", "keine JSON-Datei", "not a JSON file") from None
    if not isinstance(obj, dict):
        raise _invalid("(Datei)", "kein JSON-Objekt", "not a JSON object")
    if ENVELOPE not in obj:
        if obj.get("format") == FORMAT:
            # a bare document: someone skipped the signing step
            return data, None
        raise _invalid(
            ENVELOPE,
            "fehlt: keine Fallzahl-Bereitstellungsdatei",
            "missing: not a Fallzahl provisioning file",
        )
    if obj[ENVELOPE] != FORMAT_VERSION:
        raise _invalid(
            ENVELOPE,
            f"Formatversion {obj[ENVELOPE]!r} wird von diesem Programm nicht unterstützt "
            "(bitte das Programm aktualisieren)",
            f"format version {obj[ENVELOPE]!r} is not supported by this program (update it)",
        )
    try:
        body = base64.b64decode(obj.get("document", ""), validate=True)
    except (binascii.Error, TypeError, ValueError):
        raise _invalid("document", "kein gültiges Base64", "not valid base64") from None
    if not body:
        raise _invalid("document", "fehlt", "missing")
    sig = obj.get("signature")
    if sig is not None and not isinstance(sig, str):
        raise _invalid("signature", "muss Text sein", "must be text")
    return body, sig.encode("ascii", "replace") if sig else None


def _field(obj: dict[str, Any], path: str, kind: type, *, required: bool = True) -> Any:
    node: Any = obj
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            if required:
                raise _invalid(path, "fehlt", "missing")
            return None
        node = node[part]
    if not isinstance(node, kind) or (kind is int and isinstance(node, bool)):
        raise _invalid(
            path,
            f"falscher Typ (erwartet {kind.__name__})",
            f"wrong type (expected {kind.__name__})",
        )
    return node


def _b64(obj: dict[str, Any], path: str) -> bytes:
    try:
        value = base64.b64decode(_field(obj, path, str), validate=True)
    except (binascii.Error, ValueError):
        raise _invalid(path, "kein gültiges Base64", "not valid base64") from None
    if not value:
        raise _invalid(path, "ist leer", "is empty")
    return value


def _parse_document(body: bytes) -> Provisioning:
    try:
        obj = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise _invalid("document", "kein gültiges JSON", "not valid JSON") from None
    if not isinstance(obj, dict):
        raise _invalid("document", "kein JSON-Objekt", "not a JSON object")
    if _field(obj, "format", str) != FORMAT:
        raise _invalid("format", f"muss {FORMAT!r} sein", f"must be {FORMAT!r}")
    version = _field(obj, "format_version", int)
    if version != FORMAT_VERSION:
        raise _invalid(
            "format_version",
            f"Version {version} wird nicht unterstützt (bitte das Programm aktualisieren)",
            f"version {version} is not supported (update the program)",
        )
    office_id = _field(obj, "office.id", str)
    if not is_office_id(office_id):
        raise _invalid(
            "office.id",
            "2 bis 40 Zeichen aus Buchstaben, Ziffern, Punkt, Bindestrich, Unterstrich",
            "2 to 40 letters, digits, dots, hyphens, underscores",
        )
    office_name = _field(obj, "office.name", str).strip()
    if not office_name:
        raise _invalid("office.name", "ist leer", "is empty")
    district_name = _field(obj, "district.name", str).strip()
    if not district_name:
        raise _invalid("district.name", "ist leer", "is empty")
    ags = _field(obj, "district.ags", str)
    if not AGS.match(ags):
        raise _invalid(
            "district.ags",
            "muss ein fünfstelliger Kreisschlüssel sein",
            "must be a five-digit district key",
        )
    recipients = _field(obj, "recipients", list)
    if not recipients:
        raise _invalid(
            "recipients", "mindestens ein Empfänger nötig", "at least one recipient needed"
        )
    for i, r in enumerate(recipients):
        try:
            if not isinstance(r, str):
                raise ValueError
            age.check_recipient(r)
        except ValueError:
            raise _invalid(
                f"recipients[{i}]",
                "kein gültiger age-Empfänger (age1...)",
                "not a valid age recipient (age1...)",
            ) from None
    anchors = _field(obj, "trust_anchors", list)
    for i, key in enumerate(anchors):
        try:
            if not isinstance(key, str):
                raise ValueError
            signing.read_public_key(key)
        except (ValueError, FallzahlError):
            raise _invalid(
                f"trust_anchors[{i}]",
                "kein gültiger öffentlicher minisign-Schlüssel",
                "not a valid minisign public key",
            ) from None
    scheme_doc, scheme_sig = _b64(obj, "scheme.doc"), _b64(obj, "scheme.sig")
    try:
        scheme_model.parse(scheme_doc)
    except scheme_model.SchemeDocumentError:
        raise _invalid(
            "scheme.doc", "kein lesbares Kategorienschema", "not a readable category scheme"
        ) from None
    minutes = _field(obj, "policy.auto_lock_minutes", int)
    if not AUTO_LOCK_MINUTES.minimum <= minutes <= AUTO_LOCK_MINUTES.maximum:
        raise _invalid(
            "policy.auto_lock_minutes",
            f"zwischen {AUTO_LOCK_MINUTES.minimum} und {AUTO_LOCK_MINUTES.maximum}",
            f"between {AUTO_LOCK_MINUTES.minimum} and {AUTO_LOCK_MINUTES.maximum}",
        )
    backup = _field(obj, "policy.backup_folder", str, required=False) or ""
    created_at = _field(obj, "created_at", str)
    try:
        dt.datetime.fromisoformat(created_at.replace("Z", "+00:00"))
    except ValueError:
        raise _invalid(
            "created_at", "kein Zeitpunkt nach ISO 8601", "not an ISO 8601 timestamp"
        ) from None
    try:
        expires = dt.date.fromisoformat(_field(obj, "expires", str))
    except ValueError:
        raise _invalid("expires", "kein Datum JJJJ-MM-TT", "not a date YYYY-MM-DD") from None
    return Provisioning(
        format_version=version,
        office_id=office_id,
        office_name=office_name,
        district_name=district_name,
        district_ags=ags,
        recipients=tuple(recipients),
        trust_anchors=tuple(k.encode("ascii") for k in anchors),
        scheme_doc=scheme_doc,
        scheme_sig=scheme_sig,
        policy=Policy(auto_lock_minutes=minutes, backup_folder=backup),
        created_at=created_at,
        expires=expires,
    )


def expected_district_ags() -> str:
    """The district this program is set up for: that of the shipped scheme."""
    from app.scheme.trust import shipped_scheme

    return scheme_model.parse(shipped_scheme()[0]).district.ags


def verify_provisioning(
    data: bytes,
    trusted_keys: Iterable[bytes | str],
    today: dt.date,
    district_ags: str | None = None,
) -> Provisioning:
    """Check a provisioning file; raises a ProvisioningRefused subclass naming the reason."""
    body, sig = _envelope(data)
    kid, _comment = signing.verify(
        body, sig, list(trusted_keys), errors=SIGNATURE_ERRORS, what=WHAT
    )
    prov = _parse_document(body)
    expected = district_ags or expected_district_ags()
    scheme_ags = scheme_model.parse(prov.scheme_doc).district.ags
    if expected != prov.district_ags or expected != scheme_ags:
        raise ProvisioningOtherDistrict(
            f"Die Bereitstellungsdatei ist für den Kreis {prov.district_name} "
            f"({prov.district_ags}), dieses Programm ist für den Kreis {expected} eingerichtet. "
            "Bitte die Bereitstellungsdatei des eigenen Landkreises verwenden.",
            f"The provisioning file is for district {prov.district_name} ({prov.district_ags}); "
            f"this program is set up for district {expected}. Use your own district's "
            "provisioning file.",
        )
    if today > prov.expires:
        raise ProvisioningExpired(
            f"Die Bereitstellungsdatei für {prov.office_id} ist seit "
            f"{prov.expires:%d.%m.%Y} abgelaufen. Bitte beim Landkreis eine neue anfordern.",
            f"The provisioning file for {prov.office_id} expired on "
            f"{prov.expires.isoformat()}. Ask the district for a new one.",
        )
    return msgspec.structs.replace(prov, signed_by=kid)


# Where the installers put a provisioning file for the first-run wizard: Windows
# (packaging/windows/fallzahl.iss, /PROVISION=...) {commonappdata}\\Fallzahl\\provisioning,
# Linux /etc/fallzahl/provisioning. FALLZAHL_PROVISIONING_DIR overrides both (tests, IT).
def provisioning_folders() -> list[Path]:
    import os

    override = os.environ.get("FALLZAHL_PROVISIONING_DIR")
    if override:
        return [Path(override)]
    if sys.platform == "win32":
        base = os.environ.get("PROGRAMDATA") or os.environ.get("ALLUSERSPROFILE")
        return [Path(base) / "Fallzahl" / "provisioning"] if base else []
    return [Path("/etc/fallzahl/provisioning")]


def find_provisioning_files() -> list[Path]:
    """Provisioning files the installer left for this PC, newest first."""
    found: list[Path] = []
    for folder in provisioning_folders():
        try:
            found += [p for p in folder.glob(f"*{SUFFIX}") if p.is_file()]
        except OSError:
            continue
    return sorted(found, key=lambda p: (-p.stat().st_mtime, p.name))
