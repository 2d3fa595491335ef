"""Command-line verbs of the district desk (``district ...``) and the office's ``receipt``.

district enrol FILE --office-id ID [--office-name NAME]
district revoke --office-id ID --key-id KID
district rotate --office-id ID STATEMENT [--sig SIG]   (SIG default: STATEMENT.minisig)
district import FILE... (files or folders)
district board [--year Y] [--period P]
district report --period P [--out FILE] [--format xlsx|sdmx|adx]
district receipt PACKAGE_SHA_OR_FILE --out DIR   (or --all)
district provision --office-id ID --office-name NAME --out FILE   (app/provisioning.py)
district population | indicators | targets                      (app/cli/planning.py)
receipt import FILE                               (office side; FILE.minisig beside it)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.main import out
from app.errors import UsageError
from app.exchange import package
from app.lang import t


def cmd_enrol(args: argparse.Namespace) -> int:
    from app.district import desk as district

    session = args.open_session()
    kid = district.enrol_file(session, args.office_id, args.office_name or "", args.file)
    out(t(f"Beratungsstelle {args.office_id} eingetragen.", f"Office {args.office_id} enrolled."))
    out(
        t(
            f"Schlüssel-ID: {kid} — bitte telefonisch mit der Leitung der Stelle abgleichen.",
            f"Key id: {kid} — compare it with the office lead by phone.",
        )
    )
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    from app.district import desk as district

    session = args.open_session()
    district.revoke_key(session, args.office_id, args.key_id)
    out(t(f"Schlüssel {args.key_id} widerrufen.", f"Key {args.key_id} revoked."))
    return 0


def cmd_rotate(args: argparse.Namespace) -> int:
    from app.district import desk as district

    session = args.open_session()
    kid = district.rotate_key_files(session, args.office_id, args.statement, args.sig)
    out(
        t(
            f"Schlüsselwechsel der Beratungsstelle {args.office_id} angenommen; neuer "
            f"Schlüssel: {kid}. Pakete mit dem alten Schlüssel werden ab jetzt abgelehnt.",
            f"Key rotation of office {args.office_id} accepted; new key: {kid}. Packages "
            "signed with the old key are refused from now on.",
        )
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from app.district import desk as district

    session = args.open_session()
    outcomes = district.import_paths(session, args.files)
    if not outcomes:
        raise UsageError(
            f"Keine Pakete ({package.SUFFIX}) gefunden.", f"No packages ({package.SUFFIX}) found."
        )
    refused = 0
    for o in outcomes:
        name = Path(o.file_name).name
        if o.package is not None:
            p = o.package
            what = t("Korrektur", "correction") if p.supersedes else t("neu", "new")
            out(f"{t('angenommen', 'accepted')}\t{name}\t{p.office_id}\t{p.period}\t"
                f"{p.sequence}\t{what}\t{p.sha256}")  # fmt: skip
        else:
            refused += 1
            sys.stderr.write(f"{t('abgelehnt', 'refused')}\t{name}\t{o.error.message()}\n")
    return 1 if refused else 0


def cmd_board(args: argparse.Namespace) -> int:
    from app.district import desk as district
    from app.district.board import STATUS_LABELS

    session = args.open_session()
    board = district.board(session, year=args.board_year, period=args.period)
    en = t("de", "en") == "en"
    out("\t".join([t("Stelle", "Office"), *board.periods]))
    for row in board.rows:
        cells = []
        for c in row.cells:
            label = STATUS_LABELS[c.status][1 if en else 0]
            if c.received_on:
                label += f" {c.received_on.isoformat()}"
            cells.append(label)
        out("\t".join([row.office_id, *cells]))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from app.atomic import write_bytes
    from app.district import report as district_report

    session = args.open_session()
    rep = district_report.report(session, args.period)
    data = district_report.render(rep, session.scheme, args.format)
    target = args.out or Path(f"bericht_{rep.period.label}{district_report.FORMATS[args.format]}")
    write_bytes(target, data)
    out(str(target))
    return 0


def cmd_receipt(args: argparse.Namespace) -> int:
    from app.district import receipts

    session = args.open_session()
    if args.all:
        paths = receipts.write_all_receipts(session, args.out)
    elif args.package:
        sha = receipts.resolve_package(session, args.package)
        paths = [receipts.write_receipt(session, sha, args.out)]
    else:
        raise UsageError(
            "Welches Paket? SHA-256, Datei oder --all.", "Which package? SHA-256, file or --all."
        )
    for p in paths:
        out(str(p))
    return 0


def cmd_receipt_import(args: argparse.Namespace) -> int:
    from app.office import receipt_import

    session = args.open_session()
    sent = receipt_import.import_receipt_file(session, args.file)
    out(
        t(
            f"{sent.file_name}: vom Landkreis angenommen am {sent.accepted_at}.",
            f"{sent.file_name}: accepted by the district on {sent.accepted_at}.",
        )
    )
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    d = subparsers.add_parser("district", help="district desk: enrol, import, board, report")
    verbs = d.add_subparsers(dest="district_verb", required=True)

    p = verbs.add_parser("enrol", help="enrol an office's public key")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--office-id", required=True)
    p.add_argument("--office-name")
    p.set_defaults(handler=cmd_enrol)

    p = verbs.add_parser("revoke", help="revoke an office key")
    p.add_argument("--office-id", required=True)
    p.add_argument("--key-id", required=True)
    p.set_defaults(handler=cmd_revoke)

    p = verbs.add_parser("rotate", help="accept an office's key rotation statement")
    p.add_argument("statement", type=Path, metavar="STATEMENT")
    p.add_argument("--office-id", required=True)
    p.add_argument("--sig", type=Path, metavar="SIG", help="default: STATEMENT.minisig")
    p.set_defaults(handler=cmd_rotate)

    p = verbs.add_parser("import", help="import package files or folders")
    p.add_argument("files", type=Path, nargs="+", metavar="FILE")
    p.set_defaults(handler=cmd_import)

    p = verbs.add_parser("board", help="offices x periods")
    p.add_argument("--year", dest="board_year", type=int)
    p.add_argument("--period")
    p.set_defaults(handler=cmd_board)

    p = verbs.add_parser("report", help="merged district report")
    p.add_argument("--period", required=True)
    p.add_argument("--out", type=Path)
    p.add_argument("--format", choices=("xlsx", "sdmx", "adx"), default="xlsx")
    p.set_defaults(handler=cmd_report)

    p = verbs.add_parser("receipt", help="signed receipt for an accepted package")
    p.add_argument("package", nargs="?", metavar="PACKAGE_SHA_OR_FILE")
    p.add_argument("--all", action="store_true", help="every package without a receipt yet")
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(handler=cmd_receipt)

    from app.cli.provision import add_provision_verb

    add_provision_verb(verbs)
    from app.cli.planning import add_feedback_import_verb, add_planning_verbs

    add_planning_verbs(verbs)
    add_feedback_import_verb(subparsers)

    r = subparsers.add_parser("receipt", help="office: import the district's receipt")
    rv = r.add_subparsers(dest="receipt_verb", required=True)
    p = rv.add_parser("import")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(handler=cmd_receipt_import)
