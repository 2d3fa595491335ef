"""Planning verbs of the district desk (wired in app/cli/district.py):

district population FILE [--source TEXT]     read in the official population table
district indicators --period P [--json]      the planning indicators (docs/indicators.md)
district targets FIELD=FTE...                the district's targets per 40,000 inhabitants
district feedback --period P --out DIR       the signed feedback file for the offices
feedback import FILE                         office: read in the district's feedback
"""

from __future__ import annotations

import argparse
from pathlib import Path

import msgspec

from app.cli.main import out
from app.errors import UsageError
from app.lang import t


def cmd_population(args: argparse.Namespace) -> int:
    from app.district.population import import_population

    session = args.open_session()
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise UsageError(
            f"{args.file} kann nicht gelesen werden ({exc.strerror}).",
            f"{args.file} cannot be read ({exc.strerror}).",
        ) from exc
    table = import_population(session, data, source=args.source or "")
    out(
        t(
            f"{len(table.municipalities)} Gemeinden, {table.total} Einwohner, Stichtag "
            f"{table.reference_date:%d.%m.%Y}"
            + (f", davon {len(table.estimated)} geschätzt" if table.estimated else ""),
            f"{len(table.municipalities)} municipalities, {table.total} inhabitants, "
            f"reference date {table.reference_date.isoformat()}"
            + (f", {len(table.estimated)} of them estimated" if table.estimated else ""),
        )
    )
    return 0


def _fmt(value: float | int | None, digits: int = 2) -> str:
    if value is None:
        return "."
    return f"{value:.{digits}f}" if isinstance(value, float) else str(value)


def cmd_indicators(args: argparse.Namespace) -> int:
    from app.district.indicators import area_label, indicators

    session = args.open_session()
    got = indicators(session, args.period)
    if args.json:
        out(msgspec.json.encode(got).decode())
        return 0
    scheme = session.scheme
    out(t("Kennzahl\tGebiet\tAnzahl\tEinwohner\tje 1.000",
          "Indicator\tArea\tCount\tInhabitants\tper 1,000"))  # fmt: skip
    for m in got.measures:
        total = got.totals[m]
        out(f"{m}\t{t('Landkreis', 'district')}\t{_fmt(total.count)}\t"
            f"{_fmt(total.population)}\t{_fmt(total.rate)}")  # fmt: skip
        for r in got.by_area[m]:
            out(f"{m}\t{area_label(r.code, scheme)}\t{_fmt(r.count)}\t{_fmt(r.population)}\t"
                f"{_fmt(r.rate)}")  # fmt: skip
    if got.multi_problem is not None:
        out(
            f"{t('Anteil Multiproblemfälle', 'Multi-problem share')}\t{_fmt(got.multi_problem.share, 3)}"
        )
    for s in got.staffing:
        out(f"{t('Vollzeitstellen', 'FTE')} {s.field}\t{s.fte:.2f}\t"
            f"{t('je 40.000', 'per 40,000')}\t{_fmt(s.per_base)}")  # fmt: skip
    return 0


def cmd_targets(args: argparse.Namespace) -> int:
    from app.district.targets import set_targets

    values = {}
    for item in args.values:
        field, _, number = item.partition("=")
        try:
            values[field.strip()] = float(number.replace(",", "."))
        except ValueError as exc:
            raise UsageError(
                f"„{item}“: bitte FELD=ZAHL, z. B. SCHKG=1,0.",
                f"'{item}': use FIELD=NUMBER, e.g. SCHKG=1.0.",
            ) from exc
    got = set_targets(args.open_session(), values)
    out(" ".join(f"{k}={v:g}" for k, v in got.items()) or "-")
    return 0


def cmd_feedback(args: argparse.Namespace) -> int:
    from app.district.feedback import write_feedback

    out(str(write_feedback(args.open_session(), args.period, args.out)))
    return 0


def cmd_feedback_import(args: argparse.Namespace) -> int:
    from app.office import feedback_import

    session = args.open_session()
    try:
        got = feedback_import.import_feedback_file(session, args.file)
    except OSError as exc:
        raise UsageError(
            f"{args.file} kann nicht gelesen werden ({exc.strerror}).",
            f"{args.file} cannot be read ({exc.strerror}).",
        ) from exc
    s = feedback_import.standing(session, got)
    used = ", ".join(f"{q} #{n}" for q, n, _mine in s.counted) or "-"
    out(t(f"{got.district} {got.period}, Ausgabe {got.version}: verwendet {used}",
          f"{got.district} {got.period}, edition {got.version}: used {used}"))  # fmt: skip
    return 0


def add_feedback_import_verb(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the office's ``feedback import FILE`` (wired in app/cli/district.py)."""
    f = subparsers.add_parser("feedback", help="office: import the district's feedback")
    fv = f.add_subparsers(dest="feedback_verb", required=True)
    p = fv.add_parser("import")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(handler=cmd_feedback_import)


def add_planning_verbs(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = verbs.add_parser("population", help="import the official population table (CSV)")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--source", help="source, if the file does not name it")
    p.set_defaults(handler=cmd_population)
    p = verbs.add_parser("indicators", help="planning indicators for a period")
    p.add_argument("--period", required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_indicators)
    p = verbs.add_parser("targets", help="staffing targets, FTE per 40,000 inhabitants")
    p.add_argument("values", nargs="+", metavar="FIELD=FTE")
    p.set_defaults(handler=cmd_targets)
    p = verbs.add_parser("feedback", help="signed feedback file of a period for the offices")
    p.add_argument("--period", required=True)
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(handler=cmd_feedback)
