"""``tally --period P [--format table|csv|json|xlsx] [--out FILE]``: the office's own counts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app import lang
from app.atomic import write_bytes
from app.errors import UsageError


def office_tally(session, period_text: str):
    """The unsuppressed tally of one period from the vault (the office's internal view)."""
    from app.office.export import preview_tally
    from app.records.periods import parse_period

    return preview_tally(session, parse_period(period_text))


def cmd_tally(args: argparse.Namespace) -> int:
    from app.stats import tally_io

    session = args.open_session()
    result = office_tally(session, args.period)
    scheme = session.scheme
    language = lang.current()
    if args.format == "xlsx":
        if not args.out:
            raise UsageError(
                "--format xlsx braucht --out DATEI.", "--format xlsx needs --out FILE."
            )
        from app.office.info import office_info
        from app.stats.workbook import write_office_report

        info = office_info(session)
        write_office_report(
            args.out,
            result,
            scheme,
            info.name if info else "",
            info.office_id if info else "",
            language=language,
        )
        sys.stdout.write(f"{args.out}\n")
        return 0
    if args.format == "json":
        data = tally_io.to_json(result)
    elif args.format == "csv":
        data = tally_io.to_csv(result, scheme, language).encode("utf-8")
    else:
        data = tally_io.to_text_table(result, scheme, language).encode("utf-8")
    if args.out:
        write_bytes(args.out, data)
        sys.stdout.write(f"{args.out}\n")
    else:
        sys.stdout.buffer.write(data if data.endswith(b"\n") else data + b"\n")
        sys.stdout.flush()
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser("tally", help="counts for a period (2026-Q1, 2026, 2026-03)")
    p.add_argument("--period", required=True)
    p.add_argument("--format", choices=("table", "csv", "json", "xlsx"), default="table")
    p.add_argument("--out", type=Path)
    p.set_defaults(handler=cmd_tally)
