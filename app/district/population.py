"""The official population table the district's rates are computed against.

The desk reads a semicolon-separated CSV in the shape the Statistisches Landesamt exports
(GENESIS tables 12411-…: a few title lines, a header row with German column names, one row
per municipality, footer lines after a line of underscores). The accepted columns are in
docs/indicators.md; the key column (Gemeindeschlüssel/AGS) and "Insgesamt" are required,
sex and age-band columns are optional. A row that cannot be right is refused with its line
number: an AGS that is not a municipality of the scheme, a negative or non-integer number,
a municipality twice, parts larger than the total. The table, its reference date and its
source are kept as district state (sealed setting ``district.population``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from typing import TYPE_CHECKING

import msgspec

from app.errors import PopulationRefused
from app.vault.settings import Setting

if TYPE_CHECKING:
    from app.scheme.model import Scheme
    from app.vault.session import Session

SEXES = ("m", "w")

KEY_NAMES = {"gemeindeschlüssel", "amtlicher gemeindeschlüssel", "ags", "schlüssel"}
NAME_NAMES = {"gemeinde", "gemeindename", "name", "gemeindenamen"}
TOTAL_NAMES = {"insgesamt", "bevölkerung insgesamt", "einwohner", "bevölkerung", "zusammen"}
SEX_NAMES = {"männlich": "m", "maennlich": "m", "weiblich": "w"}
DATE_NAMES = {"stichtag", "stand"}
NOTE_NAMES = {"anmerkung", "hinweis", "bemerkung"}
SOURCE_PREFIXES = ("quelle:", "quelle ")
DATE_RE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
# GENESIS symbols: "-" nothing (exactly zero), "." unknown or secret, "x" not meaningful.
ZERO, UNKNOWN = {"-"}, {".", "x", "..."}


class Municipality(msgspec.Struct, frozen=True, kw_only=True):
    ags: str
    name: str
    total: int
    by_sex: dict[str, int] = {}  # "m", "w" where the table has them
    by_age: dict[str, int] = {}  # scheme age band code -> persons, where present
    note: str = ""  # e.g. "Schätzung" in the demo table


class Population(msgspec.Struct, frozen=True, kw_only=True):
    reference_date: dt.date
    source: str
    municipalities: tuple[Municipality, ...]
    imported: dt.date | None = None

    @property
    def total(self) -> int:
        return sum(m.total for m in self.municipalities)

    @property
    def estimated(self) -> tuple[str, ...]:
        """AGS of the municipalities whose figures are marked as an estimate."""
        return tuple(m.ags for m in self.municipalities if "schätz" in m.note.lower())

    def by_area(self, scheme: Scheme) -> dict[str, int]:
        """Persons per published area: municipalities, pooled as the scheme pools them."""
        out: dict[str, int] = {}
        for m in self.municipalities:
            area = scheme.pooled("municipality", m.ags)
            out[area] = out.get(area, 0) + m.total
        return out

    def by_age(self) -> dict[str, int] | None:
        """Persons per age band over the district; None unless every municipality has it."""
        if not self.municipalities or any(not m.by_age for m in self.municipalities):
            return None
        out: dict[str, int] = {}
        for m in self.municipalities:
            for code, n in m.by_age.items():
                out[code] = out.get(code, 0) + n
        return out

    def by_sex(self) -> dict[str, int] | None:
        if not self.municipalities or any(not m.by_sex for m in self.municipalities):
            return None
        return {s: sum(m.by_sex.get(s, 0) for m in self.municipalities) for s in SEXES}


POPULATION: Setting[Population] = Setting(
    "district.population", Population, None, audit_action="district.population_imported"
)


def _refuse(line: int | None, de: str, en: str) -> PopulationRefused:
    where_de = f"Bevölkerungstabelle, Zeile {line}: " if line else "Bevölkerungstabelle: "
    where_en = f"Population table, line {line}: " if line else "Population table: "
    return PopulationRefused(
        f"{where_de}{de} Bitte die Datei korrigieren und erneut einlesen.",
        f"{where_en}{en} Correct the file and import it again.",
    )


def _text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):  # GENESIS offers both
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _refuse(None, "Die Datei ist keine Textdatei.", "The file is not a text file.")


def _norm(cell: str) -> str:
    return " ".join(cell.replace("\ufeff", "").strip().strip('"').split()).lower()


def _date(text: str) -> dt.date | None:
    found = DATE_RE.search(text)
    if not found:
        return None
    day, month, year = (int(g) for g in found.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _count(cell: str, line: int, column: str, *, required: bool) -> int | None:
    text = cell.strip().replace("\u00a0", "").replace(" ", "")
    if text in ZERO:
        return 0
    if text in UNKNOWN or text == "":
        if required:
            raise _refuse(
                line,
                f"In der Spalte „{column}“ fehlt die Zahl.",
                f"the column '{column}' has no number.",
            )
        return None
    if text.startswith("-") and text[1:].isdigit():
        raise _refuse(
            line,
            f"„{cell.strip()}“ in der Spalte „{column}“ ist negativ; Einwohnerzahlen sind "
            "ganze Zahlen ab 0.",
            f"'{cell.strip()}' in the column '{column}' is negative; population counts are "
            "whole numbers from 0.",
        )
    if not text.isdigit():
        raise _refuse(
            line,
            f"„{cell.strip()}“ in der Spalte „{column}“ ist keine ganze Zahl (ohne "
            "Tausenderpunkt, ohne Komma).",
            f"'{cell.strip()}' in the column '{column}' is not a whole number (no thousands "
            "separator, no decimals).",
        )
    return int(text)


class _Columns(msgspec.Struct, kw_only=True):
    key: int
    total: int
    name: int | None = None
    date: int | None = None
    note: int | None = None
    sex: dict[str, int] = {}
    age: dict[str, int] = {}
    names: list[str] = []


def _columns(header: list[str], scheme: Scheme) -> _Columns | None:
    cells = [_norm(c) for c in header]
    key = next((i for i, c in enumerate(cells) if c in KEY_NAMES), None)
    if key is None:
        return None
    total = next((i for i, c in enumerate(cells) if c in TOTAL_NAMES), None)
    ages = {}
    for code in scheme.codes("age_band"):
        if code.code == scheme.unknown_codes.get("age_band"):
            continue  # "unknown": no population to divide by
        for i, c in enumerate(cells):
            if c in (code.code.lower(), code.label_de.lower()):
                ages[code.code] = i
    return _Columns(
        key=key,
        total=total if total is not None else -1,
        name=next((i for i, c in enumerate(cells) if c in NAME_NAMES), None),
        date=next((i for i, c in enumerate(cells) if c in DATE_NAMES), None),
        note=next((i for i, c in enumerate(cells) if c in NOTE_NAMES), None),
        sex={SEX_NAMES[c]: i for i, c in enumerate(cells) if c in SEX_NAMES},
        age=ages,
        names=[c.strip() for c in header],
    )


def parse_population(data: bytes, scheme: Scheme, *, source: str = "") -> Population:
    """The population table in ``data``, checked against the scheme's municipalities.

    Pure (no vault): ``import_population`` stores the result.
    """
    rows = list(csv.reader(io.StringIO(_text(data)), delimiter=";"))
    known = {c.code: c for c in scheme.codes("municipality") if c.code.isdigit()}
    district_key = scheme.district.ags
    preamble_date: dt.date | None = None
    found_source = source
    cols: _Columns | None = None
    header_line = 0
    for n, row in enumerate(rows, start=1):
        cols = _columns(row, scheme)
        if cols is not None:
            header_line = n
            break
        text = " ".join(row).strip()
        if not found_source and _norm(text).startswith(SOURCE_PREFIXES):
            found_source = text.split(":", 1)[-1].strip() if ":" in text else text[7:].strip()
        preamble_date = preamble_date or _date(text)
    if cols is None:
        raise _refuse(
            None,
            "Keine Kopfzeile mit der Spalte „Gemeindeschlüssel“ (oder „AGS“) gefunden; die "
            "Datei muss durch Semikolon getrennt sein.",
            "No header row with the column 'Gemeindeschlüssel' (or 'AGS') found; the file "
            "must be separated by semicolons.",
        )
    if cols.total < 0:
        raise _refuse(
            header_line,
            "Die Spalte „Insgesamt“ fehlt.",
            "the column 'Insgesamt' (total) is missing.",
        )
    seen: dict[str, int] = {}
    found: list[Municipality] = []
    dates: set[dt.date] = set()
    district_total: tuple[int, int] | None = None
    for n, row in enumerate(rows[header_line:], start=header_line + 1):
        if not any(c.strip() for c in row):
            continue
        first = row[0].strip()
        if first.startswith("_") or first.startswith("©") or _norm(first).startswith("quelle"):
            break  # GENESIS footer
        if len(row) < len(cols.names):
            raise _refuse(
                n,
                f"Die Zeile hat {len(row)} statt {len(cols.names)} Spalten.",
                f"the row has {len(row)} instead of {len(cols.names)} columns.",
            )
        ags = row[cols.key].strip().replace(" ", "")
        total = _count(row[cols.total], n, cols.names[cols.total], required=True)
        assert total is not None
        if ags == district_key:
            district_total = (n, total)
            continue
        if ags not in known:
            raise _refuse(
                n,
                f"„{ags}“ ist kein Gemeindeschlüssel des Landkreises im Kategorienschema "
                f"{scheme.id} v{scheme.version}.",
                f"'{ags}' is not a municipality key of the district in category scheme "
                f"{scheme.id} v{scheme.version}.",
            )
        if ags in seen:
            raise _refuse(
                n,
                f"Die Gemeinde {ags} steht schon in Zeile {seen[ags]}.",
                f"municipality {ags} is already in line {seen[ags]}.",
            )
        seen[ags] = n
        if cols.date is not None:
            day = _date(row[cols.date])
            if day is None:
                raise _refuse(
                    n,
                    f"„{row[cols.date].strip()}“ ist kein Stichtag (TT.MM.JJJJ).",
                    f"'{row[cols.date].strip()}' is not a reference date (DD.MM.YYYY).",
                )
            dates.add(day)
            if len(dates) > 1:
                raise _refuse(
                    n,
                    "Die Zeilen haben verschiedene Stichtage; eine Tabelle hat einen.",
                    "the rows have different reference dates; a table has one.",
                )
        by_sex = {}
        for sex, i in cols.sex.items():
            v = _count(row[i], n, cols.names[i], required=False)
            if v is not None:
                by_sex[sex] = v
        by_age = {}
        for code, i in cols.age.items():
            v = _count(row[i], n, cols.names[i], required=False)
            if v is not None:
                by_age[code] = v
        for what_de, what_en, parts in (
            ("Männer und Frauen", "men and women", by_sex),
            ("die Altersgruppen", "the age bands", by_age),
        ):
            if sum(parts.values()) > total:
                raise _refuse(
                    n,
                    f"{what_de} zusammen ({sum(parts.values())}) sind mehr als insgesamt "
                    f"({total}).",
                    f"{what_en} together ({sum(parts.values())}) are more than the total "
                    f"({total}).",
                )
        found.append(
            Municipality(
                ags=ags,
                name=row[cols.name].strip() if cols.name is not None else known[ags].label_de,
                total=total,
                by_sex=by_sex,
                by_age=by_age,
                note=row[cols.note].strip() if cols.note is not None else "",
            )
        )
    missing = [f"{a} {known[a].label_de}" for a in known if a not in seen]
    if missing:
        raise _refuse(
            None,
            f"Es fehlen Gemeinden des Landkreises: {', '.join(missing)}.",
            f"municipalities of the district are missing: {', '.join(missing)}.",
        )
    if district_total is not None:
        line, value = district_total
        if value != sum(m.total for m in found):
            raise _refuse(
                line,
                f"Die Summe für den Landkreis ({value}) ist nicht die Summe der Gemeinden "
                f"({sum(m.total for m in found)}).",
                f"the district's total ({value}) is not the sum of its municipalities "
                f"({sum(m.total for m in found)}).",
            )
    reference = next(iter(dates), None) or preamble_date
    if reference is None:
        raise _refuse(
            None,
            "Der Stichtag fehlt: eine Spalte „Stichtag“ oder eine Zeile „Stand: TT.MM.JJJJ“ "
            "über der Kopfzeile.",
            "the reference date is missing: a column 'Stichtag' or a line "
            "'Stand: DD.MM.YYYY' above the header.",
        )
    order = {c: i for i, c in enumerate(known)}
    return Population(
        reference_date=reference,
        source=found_source,
        municipalities=tuple(sorted(found, key=lambda m: order[m.ags])),
    )


def import_population(
    session: Session, data: bytes, *, source: str = "", today: dt.date | None = None
) -> Population:
    """Check and store the table as the district's population (replacing the one before)."""
    from app.district.desk import require_district

    require_district(session)
    session.require_lead("Das Einlesen der Bevölkerungstabelle", "Importing the population table")
    table = parse_population(data, session.scheme, source=source)
    table = msgspec.structs.replace(table, imported=today or dt.date.today())
    POPULATION.write(session, table)
    return table


def population(session: Session) -> Population | None:
    """The district's population table, or None before one is imported."""
    from app.district.desk import require_district

    require_district(session)
    return POPULATION.read(session)


def demo_population_file() -> bytes:
    """The demo district's table (resources/demo/population-harz-2023.csv)."""
    from app.resources import resource_path

    return resource_path("demo", "population-harz-2023.csv").read_bytes()
