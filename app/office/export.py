"""Exporting the submission package of a closed period (the office side of app/exchange/package.py).

The lead's export tallies the closed period, signs the manifest with the office key, zips and
encrypts the package to the district's recipients (and the office's own archive recipient),
and keeps the sent-package log that the district's receipts later mark accepted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from app import __version__
from app.atomic import remove_quietly, write_bytes
from app.crypto import age, signing
from app.errors import PackageFilesWrong, UsageError
from app.exchange.package import (
    FORMAT_3,
    MANIFEST,
    SIGNATURE,
    FileEntry,
    Manifest,
    encode_manifest,
    file_name,
    trusted_comment,
    zip_files,
)
from app.exchange.staffing import FILE_NAME as STAFFING_FILE
from app.office import keys as office_keys
from app.office import staffing
from app.office.info import RECIPIENTS, office_info
from app.office.period_close import closed_entry
from app.records.periods import Period
from app.scheme import model as scheme_model
from app.scheme.store import DOC
from app.scheme.trust import shipped_scheme
from app.stats import adx, tally_io
from app.stats import workbook as report_xlsx
from app.stats.history import period_tally
from app.stats.tally import NON_ADDITIVE_MEASURES, Tally
from app.vault.activities import activities

if TYPE_CHECKING:
    from app.scheme.model import Scheme
    from app.vault.session import Session

SEQUENCE = "package.sequence"
SENT = "package.sent"


class SentPackage(msgspec.Struct, kw_only=True):
    file_name: str
    period: str
    sequence: int
    sha256: str
    created_at: str
    supersedes: str | None = None
    status: str = "sent"  # sent | accepted
    accepted_at: str | None = None


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


# the office side: recipients, sequence, sent list
def district_recipients(session: Session) -> list[str]:
    """The district's age recipients: the provisioned ones, or — for an office set up by hand
    without a provisioning file — the shipped demo district (``sends_to_demo_district``)."""
    return RECIPIENTS.read(session) or [age.demo_district_recipient()]


def sends_to_demo_district(session: Session) -> bool:
    return not RECIPIENTS.read(session)


def set_district_recipients(session: Session, recipients: list[str]) -> None:
    session.require_lead("Das Ändern der Empfänger", "Changing the recipients")
    _parse_recipients(recipients)
    RECIPIENTS.write(session, recipients)


def _parse_recipients(recipients: list[str]) -> list[str]:
    out = []
    for text in recipients:
        try:
            out.append(age.check_recipient(text))
        except ValueError as exc:
            raise UsageError(
                f"„{text}“ ist kein age-Empfänger (age1…). Bitte die Empfänger des "
                "Landkreises prüfen.",
                f"'{text}' is not an age recipient (age1...). Check the district's recipients.",
            ) from exc
    if not out:
        raise UsageError(
            "Es ist kein Empfänger für das Paket eingestellt.",
            "No recipient is set for the package.",
        )
    return out


def sent_packages(session: Session) -> list[SentPackage]:
    raw = session.get_setting(SENT)
    return msgspec.json.decode(raw, type=list[SentPackage]) if raw else []


def mark_accepted(session: Session, package_sha256: str, accepted_at: str) -> SentPackage:
    """The district's receipt for this package was imported: show it as accepted."""
    sent = sent_packages(session)
    for i, item in enumerate(sent):
        if item.sha256 == package_sha256:
            sent[i] = msgspec.structs.replace(item, status="accepted", accepted_at=accepted_at)
            session.put_setting(SENT, msgspec.json.encode(sent))
            session.audit("package.accepted", f"{item.file_name} {accepted_at}")
            return sent[i]
    raise PackageFilesWrong(
        "Zu dieser Empfangsbestätigung gibt es kein gesendetes Paket in diesem Datenbestand.",
        "There is no package sent from this vault that matches this receipt.",
    )


def _next_sequence(session: Session) -> int:
    raw = session.get_setting(SEQUENCE)
    last = int(raw.decode()) if raw else 0
    last = max([last, *(p.sequence for p in sent_packages(session))])
    return last + 1


def _scheme_sha256(session: Session, scheme: Scheme) -> str:
    candidates = [session.get_setting(f"{DOC}.v{scheme.version}"), session.get_setting(DOC)]
    candidates.append(shipped_scheme()[0])
    for doc in candidates:
        if doc is None:
            continue
        try:
            parsed = scheme_model.parse(doc)
        except scheme_model.SchemeDocumentError:
            continue
        if (parsed.id, parsed.version) == (scheme.id, scheme.version):
            return scheme_model.digest(doc)
    # A scheme given to the session directly (tests): hash its canonical encoding.
    return scheme_model.digest(msgspec.json.encode(scheme))


def _files(tly: Tally, scheme: Scheme, info, created_at: str) -> dict[str, bytes]:
    files = {
        "tallies.json": tally_io.to_json(tly),
        "tallies.csv": tally_io.to_csv(tly, scheme, "de").encode("utf-8"),
        "adx.xml": adx.to_adx(tly, info.office_id, created_at),
    }
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tallies.xlsx"
        report_xlsx.write_office_report(path, tly, scheme, info.name, info.office_id, "de")
        files["tallies.xlsx"] = path.read_bytes()
    return files


def preview_tally(session: Session, period: Period) -> Tally:
    """Exactly the tally build_package puts into the package for ``period``: the frozen one
    of the closed period (app/stats/history.py), counted anew only under another scheme."""
    return period_tally(
        session, period, activities=activities(session) if session.scheme.items else ()
    )


def build_package(
    session: Session, period: Period, out_dir: Path, *, recipients: list[str] | None = None
) -> tuple[Path, str, Manifest]:
    """Tally, sign, zip and encrypt the closed ``period``; (path, SHA-256 hex, manifest)."""
    session.require_lead("Das Exportieren des Pakets", "Exporting the package")
    closed_entry(session, period)
    info = office_info(session)
    if info is None:
        raise UsageError(
            "Kennung und Name der Beratungsstelle fehlen; sie werden bei der Einrichtung gesetzt.",
            "The office id and name are missing; they are set at setup.",
        )
    office_keys.ensure_office_keys(session)
    _public, kid = office_keys.office_public_key(session)
    secret = office_keys.signing_secret(session)
    age_recipients = _parse_recipients(
        [*(recipients if recipients is not None else district_recipients(session))]
        + [r for r in [office_keys.archive_recipient(session)] if r]
    )
    scheme = session.scheme
    tly = preview_tally(session, period)
    created_at = _now()
    files = _files(tly, scheme, info, created_at)
    staffed = staffing.package_file(session, info.office_id, period)  # optional staffing.json
    if staffed is not None:
        files[STAFFING_FILE] = staffed
    sequence = _next_sequence(session)
    previous = [p for p in sent_packages(session) if p.period == period.label]
    supersedes = previous[-1].sha256 if previous else None
    manifest = Manifest(
        format=FORMAT_3,
        office_id=info.office_id,
        office_name=info.name,
        office_key_id=kid,
        period=period.label,
        period_start=period.start.isoformat(),
        period_end=period.end.isoformat(),
        scheme_id=scheme.id,
        scheme_version=scheme.version,
        scheme_sha256=_scheme_sha256(session, scheme),
        sequence=sequence,
        supersedes=supersedes,
        created_at=created_at,
        app_version=__version__,
        files=[
            FileEntry(name, hashlib.sha256(data).hexdigest(), len(data))
            for name, data in files.items()
        ],
        non_additive=sorted({r.measure for r in tly.rows} & set(NON_ADDITIVE_MEASURES)),
    )
    manifest_bytes = encode_manifest(manifest)
    sig = signing.sign(
        manifest_bytes, secret, trusted_comment(info.office_id, period.label, sequence)
    )
    zipped = zip_files([(MANIFEST, manifest_bytes), (SIGNATURE, sig), *files.items()])
    encrypted = age.encrypt(zipped, age_recipients)
    digest = hashlib.sha256(encrypted).hexdigest()
    # The sequence number is used up before the file exists: a crash leaves a gap, never a
    # second package with the same number.
    session.put_setting(SEQUENCE, str(sequence).encode())
    out_dir = Path(out_dir)
    path = out_dir / file_name(info.office_id, period.label, sequence)
    write_bytes(path, encrypted)
    sent = SentPackage(
        file_name=path.name,
        period=period.label,
        sequence=sequence,
        sha256=digest,
        created_at=created_at,
        supersedes=supersedes,
    )
    # The sent log and its audit entry in one transaction; if they cannot be saved (disk
    # full), the file goes again: a package written is recorded, one not recorded is not left.
    try:
        session.put_setting(
            SENT,
            msgspec.json.encode([*sent_packages(session), sent]),
            audit_action="package.exported",
            audit_detail=f"{path.name} sha256 {digest}",
        )
    except BaseException:
        remove_quietly(str(path))
        raise
    return path, digest, manifest
