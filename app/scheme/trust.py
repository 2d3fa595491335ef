"""Whether a scheme may be used: signature, document, validity dates, version order.

Order of checks: signature first (nothing unsigned is even parsed further), then the
document (JSON Schema in resources/scheme.schema.json, then the cross references JSON
Schema cannot express), then the dates, then the version against the one this office
already has (TUF-style rollback protection). Each refusal is its own SchemeRefused
subclass with a German and English text saying what to do.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

import jsonschema

from app.crypto import age, signing
from app.errors import (
    DistrictKeyNeedsProvisioning,
    SchemeBadSignature,
    SchemeConflict,
    SchemeExpired,
    SchemeInvalid,
    SchemeNotYetValid,
    SchemeRollback,
    SchemeUnsigned,
    SchemeUntrustedKey,
)
from app.resources import resource_path
from app.scheme import model as scheme_model
from app.scheme.items import CODED, EXCLUSIVE_ITEMS, KNOWN_ITEMS, REQUIRED_DIMENSIONS_V2
from app.scheme.model import Scheme

SHIPPED_SCHEME = "lk-harz-v1.json"
SIGNATURE_ERRORS = signing.VerifyErrors(
    missing=SchemeUnsigned,
    malformed=SchemeBadSignature,
    untrusted=SchemeUntrustedKey,
    invalid=SchemeBadSignature,
)
WHAT = ("das Kategorienschema", "the category scheme")
# Dimensions whose codes are typed by number key on the desktop: "1", "2", ... in order.
NUMBERED_DIMENSIONS = ("contact_form", "duration_band")


@cache
def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(resource_path("scheme.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _path(parts: Any) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else f".{p}"
    return out.lstrip(".") or "(Dokument)"


def _invalid(field: str, de: str, en: str) -> SchemeInvalid:
    return SchemeInvalid(
        f"Das Kategorienschema ist ungültig: Feld {field}: {de}. Bitte beim Landkreis ein "
        "korrektes, signiertes Schema anfordern.",
        f"The category scheme is invalid: field {field}: {en}. Ask the district for a "
        "correct, signed scheme.",
        field=field,
    )


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError(f"duplicate key {key!r}")
        seen[key] = value
    return seen


def cross_check(doc: dict[str, Any]) -> list[tuple[str, str, str]]:
    """What JSON Schema cannot say: (field path, German, English) for each problem found.

    Expects a document that already passed the JSON Schema.
    """
    problems: list[tuple[str, str, str]] = []
    if doc["valid_from"] >= doc["valid_until"]:
        problems.append(
            (
                "valid_until",
                "muss nach valid_from liegen",
                "must be later than valid_from",
            )
        )
    if doc["multi_problem"]["threshold"] > doc["multi_problem"]["top_class"]:
        problems.append(
            (
                "multi_problem.threshold",
                "darf nicht größer als top_class sein",
                "must not be larger than top_class",
            )
        )
    codes: dict[str, set[str]] = {}
    for i, dim in enumerate(doc["dimensions"]):
        if dim["id"] in codes:
            problems.append(
                (
                    f"dimensions[{i}].id",
                    f"Dimension {dim['id']!r} kommt doppelt vor",
                    f"dimension {dim['id']!r} appears twice",
                )
            )
            continue
        seen: set[str] = set()
        for j, code in enumerate(dim["codes"]):
            if code["code"] in seen:
                problems.append(
                    (
                        f"dimensions[{i}].codes[{j}].code",
                        f"Code {code['code']!r} kommt in {dim['id']} doppelt vor",
                        f"code {code['code']!r} appears twice in {dim['id']}",
                    )
                )
            seen.add(code["code"])
        codes[dim["id"]] = seen
        if dim["id"] in NUMBERED_DIMENSIONS:
            expected = [str(n) for n in range(1, len(dim["codes"]) + 1)]
            if [c["code"] for c in dim["codes"]] != expected:
                problems.append(
                    (
                        f"dimensions[{i}].codes",
                        f"die Codes von {dim['id']} müssen 1, 2, 3 … in dieser Reihenfolge sein",
                        f"the codes of {dim['id']} must be 1, 2, 3 ... in that order",
                    )
                )
    district = doc["district"]["ags"]
    for i, dim in enumerate(doc["dimensions"]):
        for j, code in enumerate(dim["codes"]):
            where = f"dimensions[{i}].codes[{j}]"
            if "domain" in code and (
                dim["id"] != "problem" or code["domain"] not in codes.get("domain", set())
            ):
                problems.append(
                    (
                        f"{where}.domain",
                        f"Lebensbereich {code['domain']!r} gibt es in Dimension domain nicht",
                        f"life domain {code['domain']!r} is not a code of dimension domain",
                    )
                )
            if (
                dim["id"] == "municipality"
                and code["code"].isdigit()
                and not code["code"].startswith(district)
            ):
                problems.append(
                    (
                        f"{where}.code",
                        f"Gemeindeschlüssel {code['code']} liegt nicht im Kreis {district}",
                        f"municipality key {code['code']} is not in district {district}",
                    )
                )
    items = _check_items(doc, codes, problems)
    sources_seen: set[tuple[int, str, str]] = set()
    for i, m in enumerate(doc["mappings"]):
        where = f"mappings[{i}]"
        if m["from_version"] >= doc["version"]:
            problems.append(
                (
                    f"{where}.from_version",
                    "muss kleiner als die Version des Schemas sein",
                    "must be lower than the scheme's version",
                )
            )
        if m["dimension"] not in codes:
            problems.append(
                (
                    f"{where}.dimension",
                    f"Dimension {m['dimension']!r} gibt es nicht",
                    f"dimension {m['dimension']!r} does not exist",
                )
            )
            continue
        target_dim = m["dimension"]
        if m["kind"] == "moved":
            item = items.get(m["item"])
            if item is None or item.get("dimension") not in codes:
                problems.append(
                    (
                        f"{where}.item",
                        f"Merkmal {m['item']!r} gibt es nicht oder es hat keine Codes",
                        f"item {m['item']!r} does not exist or has no codes",
                    )
                )
                continue
            target_dim = item["dimension"]
            if len(m["target"]) not in (1, len(m["source"])):
                problems.append(
                    (
                        f"{where}.target",
                        "braucht einen Zielcode oder einen je Quellcode",
                        "needs one target code, or one per source code",
                    )
                )
            if "replace_with" in m and m["replace_with"] not in codes[m["dimension"]]:
                problems.append(
                    (
                        f"{where}.replace_with",
                        f"Code {m['replace_with']!r} gibt es in {m['dimension']} nicht",
                        f"code {m['replace_with']!r} is not a code of {m['dimension']}",
                    )
                )
        for k, target in enumerate(m["target"]):
            if target not in codes[target_dim]:
                problems.append(
                    (
                        f"{where}.target[{k}]",
                        f"Zielcode {target!r} gibt es in {target_dim} nicht",
                        f"target code {target!r} is not a code of {target_dim}",
                    )
                )
        for k, source in enumerate(m["source"]):
            key = (m["from_version"], m["dimension"], source)
            if key in sources_seen:
                problems.append(
                    (
                        f"{where}.source[{k}]",
                        f"Code {source!r} wird für Version {m['from_version']} doppelt abgebildet",
                        f"code {source!r} is mapped twice for version {m['from_version']}",
                    )
                )
            sources_seen.add(key)
    return problems


def _check_items(
    doc: dict[str, Any], codes: dict[str, set[str]], problems: list[tuple[str, str, str]]
) -> dict[str, dict[str, Any]]:
    """Format 2: items, and counts_as_problem only on problem codes. Returns id -> item."""
    for i, dim in enumerate(doc["dimensions"]):
        if dim["id"] != "problem" and any("counts_as_problem" in c for c in dim["codes"]):
            problems.append(
                (
                    f"dimensions[{i}].codes",
                    "counts_as_problem gibt es nur bei Problemcodes",
                    "counts_as_problem is allowed on problem codes only",
                )
            )
        _check_minute_bands(i, dim, problems)
    if "items" not in doc:
        return {}
    for dim_id in REQUIRED_DIMENSIONS_V2:
        if dim_id not in codes:
            problems.append(
                (
                    "dimensions",
                    f"Format 2 braucht die Dimension {dim_id!r}",
                    f"format 2 needs the dimension {dim_id!r}",
                )
            )
    seen: dict[str, dict[str, Any]] = {}
    for i, item in enumerate(doc["items"]):
        where = f"items[{i}]"
        known = KNOWN_ITEMS.get(item["id"])

        def bad(field: str, de: str, en: str) -> None:
            problems.append((f"{where}.{field}", de, en))  # noqa: B023 (used at once)

        if item["id"] in seen:
            bad("id", f"Merkmal {item['id']!r} kommt doppelt vor", f"item {item['id']!r} twice")
        elif known is None:
            bad(
                "id",
                f"Merkmal {item['id']!r} kennt dieses Programm nicht",
                f"this program does not know the item {item['id']!r}",
            )
        elif item["record"] != known[0] or item["kind"] not in known[1]:
            bad(
                "kind",
                f"{item['id']} ist hier ein {known[0]}-Merkmal der Art {'/'.join(known[1])}",
                f"{item['id']} is a {known[0]} item of kind {'/'.join(known[1])} here",
            )
        seen[item["id"]] = item
        if item["kind"] in CODED and item.get("dimension") not in codes:
            bad(
                "dimension",
                f"Dimension {item.get('dimension')!r} gibt es nicht",
                f"dimension {item.get('dimension')!r} does not exist",
            )
        if item["kind"] in ("count", "counts") and item["min"] > item["max"]:
            bad("max", "darf nicht kleiner als min sein", "must not be smaller than min")
        if "min" in item and item["kind"] not in ("count", "counts"):
            bad("min", "gibt es nur bei Zählmerkmalen", "is allowed on count items only")
        if "max" in item and item["kind"] not in ("count", "counts", "ranked"):
            bad("max", "gibt es nur bei Zähl- und Rangmerkmalen", "count and ranked items only")
        for k, field in enumerate(item.get("fields", [])):
            if field not in codes.get("field", set()):
                bad(
                    f"fields[{k}]",
                    f"Beratungsfeld {field!r} gibt es nicht",
                    f"counselling field {field!r} does not exist",
                )
        if item.get("required_at_close") and item["record"] != "case":
            bad(
                "required_at_close",
                "gibt es nur bei Fallmerkmalen",
                "is allowed on case items only",
            )
    for i, item in enumerate(doc["items"]):
        _check_condition(i, item, seen, codes, problems)
    for pair in EXCLUSIVE_ITEMS:
        if all(p in seen for p in pair):
            problems.append(
                (
                    "items",
                    f"{pair[0]} und {pair[1]} sagen dasselbe; nur eines von beiden angeben",
                    f"{pair[0]} and {pair[1]} say the same; declare only one of them",
                )
            )
    return seen


def _check_condition(
    i: int,
    item: dict[str, Any],
    items: dict[str, dict[str, Any]],
    codes: dict[str, set[str]],
    problems: list[tuple[str, str, str]],
) -> None:
    """only_if names a single-choice item of the same record, and codes of its dimension."""
    cond = item.get("only_if")
    if cond is None:
        return
    where = f"items[{i}].only_if"
    other = items.get(cond["item"])
    if (
        other is None
        or other is item
        or other["kind"] != "single"
        or other["record"] != item["record"]
    ):
        problems.append(
            (
                f"{where}.item",
                f"{cond['item']!r} ist kein Einfachauswahl-Merkmal desselben Datensatzes",
                f"{cond['item']!r} is not a single-choice item of the same record",
            )
        )
        return
    for k, code in enumerate(cond["codes"]):
        if code not in codes.get(other["dimension"], set()):
            problems.append(
                (
                    f"{where}.codes[{k}]",
                    f"Code {code!r} gibt es in {other['dimension']} nicht",
                    f"code {code!r} is not a code of {other['dimension']}",
                )
            )


def _check_minute_bands(i: int, dim: dict[str, Any], problems: list[tuple[str, str, str]]) -> None:
    """Minutes only on duration bands; if one band has them, all do, in order, without gaps
    or overlaps, from 1 minute, the last band open (every length has exactly one band)."""
    codes = dim["codes"]
    with_minutes = [c for c in codes if "minutes_min" in c or "minutes_max" in c]
    if not with_minutes:
        return
    where = f"dimensions[{i}].codes"
    if dim["id"] != "duration_band":
        problems.append(
            (
                where,
                "Minuten gibt es nur bei den Codes von duration_band",
                "minutes are allowed on duration_band codes only",
            )
        )
        return
    expected = 1
    for k, c in enumerate(codes):
        last = k == len(codes) - 1
        low, high = c.get("minutes_min"), c.get("minutes_max")
        if low != expected:
            problems.append(
                (
                    f"{where}[{k}].minutes_min",
                    f"muss {expected} sein (lückenlos an das vorige Band anschließen)",
                    f"must be {expected} (follow the previous band without a gap)",
                )
            )
            return
        if last and high is not None:
            problems.append(
                (
                    f"{where}[{k}].minutes_max",
                    "das letzte Band ist nach oben offen (ohne minutes_max)",
                    "the last band is open (no minutes_max)",
                )
            )
            return
        if not last and (high is None or high < low):
            problems.append(
                (
                    f"{where}[{k}].minutes_max",
                    "fehlt oder ist kleiner als minutes_min",
                    "is missing or smaller than minutes_min",
                )
            )
            return
        expected = (high or 0) + 1


def validate_document(doc: bytes) -> Scheme:
    """Parse and fully check a scheme document; SchemeInvalid names the first bad field."""
    try:
        obj = json.loads(doc.decode("utf-8"), object_pairs_hook=_no_duplicate_keys)
    except (UnicodeDecodeError, ValueError) as exc:
        raise _invalid(
            "(Dokument)", f"kein gültiges JSON ({exc})", f"not valid JSON ({exc})"
        ) from exc
    error = jsonschema.exceptions.best_match(_validator().iter_errors(obj))
    if error is not None:
        raise _invalid(_path(error.absolute_path), error.message, error.message)
    problems = cross_check(obj)
    if problems:
        field, de, en = problems[0]
        raise _invalid(field, de, en)
    try:
        return scheme_model.parse(doc)
    except scheme_model.SchemeDocumentError as exc:
        raise _invalid("(Dokument)", str(exc), str(exc)) from exc


def load_verified(
    doc: bytes,
    sig: bytes | None,
    trusted: list[Any],
    today: dt.date,
    stored: tuple[int, str] | None,
    *,
    check_dates: bool = True,
) -> Scheme:
    """The scheme, if it may be used here; otherwise a SchemeRefused subclass.

    ``trusted``: public keys (key file bytes, base64 lines or signing.PublicKey).
    ``stored``: (version, SHA-256 hex) of the scheme this office already has, or None.
    ``check_dates=False`` is for re-opening a scheme that was accepted earlier (an office
    keeps working with its scheme after it expires until the district sends a new one).
    """
    signing.verify(doc, sig, trusted, errors=SIGNATURE_ERRORS, what=WHAT)
    scheme = validate_document(doc)
    if check_dates:
        if today < scheme.valid_from:
            raise SchemeNotYetValid(
                f"Das Kategorienschema {scheme.id} v{scheme.version} gilt erst ab "
                f"{scheme.valid_from:%d.%m.%Y}. Bitte erst ab diesem Tag importieren oder "
                "die Systemzeit des Rechners prüfen.",
                f"The category scheme {scheme.id} v{scheme.version} is valid only from "
                f"{scheme.valid_from.isoformat()}. Import it from that day on, or check the "
                "computer's clock.",
            )
        if today > scheme.valid_until:
            raise SchemeExpired(
                f"Das Kategorienschema {scheme.id} v{scheme.version} ist seit "
                f"{scheme.valid_until:%d.%m.%Y} abgelaufen. Bitte beim Landkreis das aktuelle "
                "Schema anfordern.",
                f"The category scheme {scheme.id} v{scheme.version} expired on "
                f"{scheme.valid_until.isoformat()}. Ask the district for the current scheme.",
            )
    if stored is not None:
        stored_version, stored_digest = stored
        if scheme.version < stored_version:
            raise SchemeRollback(
                f"Das Kategorienschema v{scheme.version} ist älter als das bereits "
                f"verwendete v{stored_version}. Ein älteres Schema wird nicht übernommen; "
                "bitte das aktuelle Schema vom Landkreis verwenden.",
                f"The category scheme v{scheme.version} is older than v{stored_version}, "
                "which is already in use. An older scheme is never taken back; use the "
                "district's current scheme.",
            )
        if scheme.version == stored_version and scheme_model.digest(doc) != stored_digest:
            raise SchemeConflict(
                f"Das Kategorienschema v{scheme.version} hat einen anderen Inhalt als das "
                f"bereits verwendete v{stored_version} (andere SHA-256-Prüfsumme). Der "
                "Landkreis muss jede Änderung mit einer neuen Versionsnummer ausgeben; bitte "
                "dort nachfragen.",
                f"The category scheme v{scheme.version} has different content from "
                f"v{stored_version} already in use (different SHA-256). The district must "
                "issue every change with a new version number; please ask them.",
            )
    return scheme


# Set only by the self-test while its temporary vault is open (``anchors_for_selftest``).
_selftest_anchors: list[bytes] | None = None


def trusted_keys() -> list[bytes]:
    """Public key files in resources/trust/*.pub: the shipped trust anchors."""
    if _selftest_anchors is not None:
        return list(_selftest_anchors)
    return installed_anchors()


def installed_anchors() -> list[bytes]:
    """The key files in this installation's trust folder, whatever the self-test runs on."""
    folder = resource_path("trust")
    return [p.read_bytes() for p in sorted(folder.glob("*.pub"))]


@contextmanager
def anchors_for_selftest(keys: list[bytes]) -> Iterator[None]:
    """Trust exactly ``keys`` in this process until the block ends.

    For ``--self-test`` only: its temporary vault also trusts the demo anchor where IT
    installed the district's key instead (installer /TRUST), so that the shipped,
    demo-signed scheme and a demo provisioning file can be exercised end to end. Nothing is written: the trust folder
    and every other process keep trusting what is installed.
    """
    global _selftest_anchors
    before = _selftest_anchors
    _selftest_anchors = list(keys)
    try:
        yield
    finally:
        _selftest_anchors = before


def demo_anchor() -> bytes:
    """The public key the shipped schemes are signed with (the demo district's, DEMO ONLY).

    Derived from the shipped demo secret key, so it is known even after the installer's
    /TRUST deleted resources/trust/district-demo.pub.
    """
    return signing.public_key_from_secret(age.demo_district_signing_key())


def is_trusted_here(doc: bytes, sig: bytes | None) -> bool:
    """Whether the installed anchors accept this signature; a damaged one raises."""
    try:
        signing.verify(doc, sig, trusted_keys(), errors=SIGNATURE_ERRORS, what=WHAT)
    except SchemeUntrustedKey:
        return False
    return True


def require_shipped_scheme_trusted() -> None:
    """Refuse to set an office up by hand where the shipped scheme is not trusted.

    After an installer /TRUST install only the district's key is trusted; the shipped
    scheme is demo-signed, so a vault made from it could never be opened. Such an office
    is set up from the district's provisioning file (which brings the district's scheme).
    """
    if is_trusted_here(*shipped_scheme()):
        return
    ids = ", ".join(signing.key_id(k) for k in trusted_keys()) or "-"
    raise DistrictKeyNeedsProvisioning(
        f"Auf diesem Rechner ist der Schlüssel des Landkreises installiert ({ids}); das "
        "mit dem Programm gelieferte Kategorienschema ist mit dem Demo-Schlüssel signiert "
        "und gilt hier nicht. Bitte die Beratungsstelle mit der Bereitstellungsdatei des "
        "Landkreises einrichten (im Assistenten „Mit Bereitstellungsdatei einrichten …“ "
        "oder fallzahl-cli init --provisioning DATEI); die IT erhält sie vom Landkreis.",
        f"The district's key is installed on this computer ({ids}); the category scheme "
        "shipped with the program is signed with the demo key and is not valid here. Set "
        "the office up with the district's provisioning file (in the wizard 'Set up with a "
        "provisioning file …', or fallzahl-cli init --provisioning FILE); IT gets it from "
        "the district.",
    )


def shipped_schemes() -> list[tuple[bytes, bytes]]:
    """(document, signature) of every scheme in resources/schemes: the active one and any
    offered for import (docs/scheme-changes.md); a district knows them all."""
    folder = resource_path("schemes")
    return [
        (p.read_bytes(), p.with_name(p.name + ".minisig").read_bytes())
        for p in sorted(folder.glob("*.json"))
        if p.with_name(p.name + ".minisig").exists()
    ]


def shipped_scheme() -> tuple[bytes, bytes]:
    """(document, signature) of the scheme shipped with the program."""
    path = resource_path("schemes", SHIPPED_SCHEME)
    return path.read_bytes(), path.with_name(path.name + ".minisig").read_bytes()
