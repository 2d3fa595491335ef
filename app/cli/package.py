"""Verbs for closing periods and submission packages.

close-period P [--accept REASON] | reopen-period P --reason TEXT | export --period P --out DIR
office-key [--out FILE] | office-key --rotate --out DIR | package verify FILE --identity FILE --trusted FILE...
package show FILE --identity FILE [--trusted FILE...]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.main import out
from app.errors import UsageError
from app.exchange import package
from app.lang import t
from app.office import export, period_close
from app.office import keys as office_keys
from app.records.periods import parse_period


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser("close-period", help="close a reporting period (leads)")
    p.add_argument("period", metavar="P")
    p.add_argument("--accept", metavar="REASON", help="accept blocking findings with a reason")
    p.set_defaults(handler=cmd_close)

    p = subparsers.add_parser("reopen-period", help="reopen a closed period for a correction")
    p.add_argument("period", metavar="P")
    p.add_argument("--reason", required=True, metavar="TEXT")
    p.set_defaults(handler=cmd_reopen)

    p = subparsers.add_parser("export", help="write the signed, encrypted package")
    p.add_argument("--period", required=True, metavar="P")
    p.add_argument("--out", required=True, type=Path, metavar="DIR")
    p.set_defaults(handler=cmd_export)

    p = subparsers.add_parser("office-key", help="the office's public key and key id")
    p.add_argument(
        "--out", type=Path, metavar="FILE", help="write the .pub file here (with --rotate: DIR)"
    )
    p.add_argument(
        "--rotate",
        action="store_true",
        help="new key pair (leads); the old key signs a statement for the district, "
        "written into --out DIR",
    )
    p.set_defaults(handler=cmd_office_key)

    p = subparsers.add_parser("package", help="open and check a package file")
    verbs = p.add_subparsers(dest="package_verb", required=True)
    v = verbs.add_parser("verify", help="decrypt and verify completely")
    v.add_argument("file", type=Path, metavar="FILE")
    v.add_argument("--identity", type=Path, required=True, metavar="FILE")
    v.add_argument("--trusted", type=Path, nargs="+", required=True, metavar="FILE")
    v.set_defaults(handler=cmd_verify)
    s = verbs.add_parser("show", help="print the manifest and the tally table")
    s.add_argument("file", type=Path, metavar="FILE")
    s.add_argument("--identity", type=Path, required=True, metavar="FILE")
    s.add_argument("--trusted", type=Path, nargs="*", metavar="FILE")
    s.set_defaults(handler=cmd_show)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UsageError(
            f"{path} kann nicht gelesen werden ({exc.strerror}).",
            f"Cannot read {path} ({exc.strerror}).",
        ) from exc


def cmd_close(args: argparse.Namespace) -> int:
    session = args.open_session()
    period = parse_period(args.period)
    found = period_close.findings(session, period)
    for f in found:
        tag = t("BLOCKIEREND", "BLOCKING") if f.blocking else t("Hinweis", "warning")
        sys.stderr.write(f"{tag}: {f.message()}\n")
    period_close.close_period(session, period, accepted_reason=args.accept)
    out(t(f"Zeitraum {period.label} abgeschlossen.", f"Period {period.label} closed."))
    return 0


def cmd_reopen(args: argparse.Namespace) -> int:
    session = args.open_session()
    period = parse_period(args.period)
    period_close.reopen_period(session, period, args.reason)
    out(
        t(
            f"Zeitraum {period.label} wieder geöffnet; das nächste Paket ist eine Korrektur.",
            f"Period {period.label} reopened; the next package is a correction.",
        )
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    session = args.open_session()
    if not args.out.is_dir():
        raise UsageError(
            f"Der Zielordner {args.out} existiert nicht.",
            f"The target folder {args.out} does not exist.",
        )
    path, sha, _manifest = export.build_package(session, parse_period(args.period), args.out)
    out(str(path))
    out(sha)
    return 0


def cmd_office_key(args: argparse.Namespace) -> int:
    if args.rotate:
        return cmd_rotate(args)
    session = args.open_session()
    if session.is_lead:
        office_keys.ensure_office_keys(session)
    if args.out:
        office_keys.save_public_key(session, args.out)
    out(office_keys.enrolment_text(session))
    return 0


def cmd_rotate(args: argparse.Namespace) -> int:
    if args.out is None:
        raise UsageError(
            "Für --rotate bitte mit --out DIR den Ordner angeben, in den die Erklärung für den "
            "Landkreis geschrieben wird.",
            "With --rotate, name the folder for the district's statement with --out DIR.",
        )
    office_keys.check_folder(args.out)
    session = args.open_session()
    old_kid = office_keys.office_public_key(session)[1]
    kid, statement, sig = office_keys.rotate_to(session, args.out)
    out(t(f"Neuer Schlüssel: {kid} (bisher {old_kid}).", f"New key: {kid} (was {old_kid})."))
    out(str(statement))
    out(str(sig))
    out(
        t(
            "Bitte beide Dateien dem Landkreis schicken (er liest sie mit „district rotate“ "
            "ein). Pakete werden ab jetzt mit dem neuen Schlüssel signiert.",
            "Send both files to the district (it reads them in with 'district rotate'). "
            "Packages are signed with the new key from now on.",
        )
    )
    return 0


def _open(args: argparse.Namespace, trusted_files: list[Path]) -> package.Verified | bytes:
    identity = _read(args.identity).decode("utf-8", "replace")
    data = package.read_package_file(args.file)
    if not trusted_files:
        return package.decrypt_package(data, [identity])
    trusted = package.trusted_from_files([_read(p) for p in trusted_files])
    return package.open_package(data, [identity], trusted)


def cmd_verify(args: argparse.Namespace) -> int:
    verified = _open(args, args.trusted)
    assert isinstance(verified, package.Verified)
    m = verified.manifest
    out(
        t(
            f"In Ordnung: {m.office_id} {m.period} Nr. {m.sequence}, Schlüssel {verified.key_id}, "
            f"{len(verified.tally.rows)} Zeilen.",
            f"OK: {m.office_id} {m.period} no. {m.sequence}, key {verified.key_id}, "
            f"{len(verified.tally.rows)} rows.",
        )
    )
    out(f"sha256 {verified.package_sha256}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from app.scheme.trust import load_verified, shipped_scheme, trusted_keys
    from app.stats import tally_io

    opened = _open(args, args.trusted or [])
    if isinstance(opened, package.Verified):
        tly = opened.tally
        manifest_bytes = package.encode_manifest(opened.manifest)
    else:
        sys.stderr.write(
            t(
                "Achtung: ohne --trusted ist die Signatur NICHT geprüft.\n",
                "Note: without --trusted the signature is NOT checked.\n",
            )
        )
        files = package.read_zip(opened)
        manifest_bytes = files.get(package.MANIFEST, b"")
        tly = tally_io.from_json(files["tallies.json"])
    sys.stdout.write(manifest_bytes.decode("utf-8", "replace"))
    scheme = load_verified(*shipped_scheme(), trusted_keys(), None, None, check_dates=False)
    tly = tally_io.upgrade(tly, scheme)  # a format 1 package's unknown codes as _U
    out()
    sys.stdout.write(tally_io.to_text_table(tly, scheme))
    return 0
