"""The planning sheets of the district workbook: indicators by area, staff, trends and the map.

``planning_sheets(indicators, scheme, dmap, language)`` returns the callable that
report.to_xlsx calls before saving. Header in row 1, codes beside labels (machines read it),
page setup on every sheet (people print it). The map sheet draws the tile layout in coloured
cells with the legend beside it (openpyxl writes no pictures without Pillow); with a loaded
GeoJSON map the tiles still follow the municipalities' centres.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.district import geo
from app.district import indicators as ind
from app.lang import t
from app.scheme.model import Scheme


def _setup(ws, landscape: bool = False) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def _value(v: float | int | None, digits: int = 4) -> float | int | str:
    if v is None:
        return "."
    return round(v, digits) if isinstance(v, float) else v


def planning_sheets(
    got: ind.Indicators, scheme: Scheme, dmap: geo.DistrictMap, language: str | None = None
) -> Callable[[Any], None]:
    def add(wb) -> None:
        from openpyxl.chart import BarChart, LineChart, Reference
        from openpyxl.styles import Font, PatternFill

        def tr(de: str, en: str) -> str:
            return t(de, en, language)

        bold = Font(bold=True)
        measure = got.measures[0] if got.measures else "cases_new"
        ws = wb.create_sheet(tr("Planung", "Planning"))
        ws.append([tr("Gebiet (Code)", "Area (code)"), tr("Gebiet", "Area"),
                   tr("Einwohner", "Inhabitants"), tr("Fälle", "Cases"),
                   tr("Fälle je 1.000 Einwohner", "Cases per 1,000 inhabitants"),
                   tr("Neue Fälle", "New cases"), tr("Neue Fälle je 1.000", "New cases per 1,000"),
                   tr("Anteil Multiproblemfälle", "Multi-problem share"),
                   tr("Anteil an den Fällen", "Share of cases"),
                   tr("Anteil an der Bevölkerung", "Share of population"),
                   tr("Verhältnis", "Ratio")])  # fmt: skip
        for c in ws[1]:
            c.font = bold
        new = {r.code: r for r in got.by_area.get("cases_new", ())}
        multi = {s.code: s for s in got.multi_problem_by_area}
        bal = {b.code: b for b in got.balance}
        rows = got.by_area.get(measure, ())
        for r in rows:
            n, m, b = new.get(r.code), multi.get(r.code), bal.get(r.code)
            ws.append([
                r.code, ind.area_label(r.code, scheme, language), _value(r.population),
                _value(r.count), _value(r.rate), _value(n.count if n else None),
                _value(n.rate if n else None), _value(m.share if m else None),
                _value(b.services_share if b else None), _value(b.population_share if b else None),
                _value(b.ratio if b else None),
            ])  # fmt: skip
        total = got.totals.get(measure)
        ws.append([scheme.district.ags, tr("Landkreis", "District"),
                   _value(got.population_total), _value(total.count if total else None),
                   _value(total.rate if total else None)])  # fmt: skip
        ws.append([])
        notes = [
            tr("„.“: verdeckt (Geheimhaltung) oder keine Einwohnerzahl; jede Rate aus einer "
               "verdeckten Zahl ist auch verdeckt.", "'.': hidden (disclosure control) or no "
               "population; every rate from a hidden count is hidden too."),
            tr(f"Zeitraum {got.period.label}; Definitionen: docs/indicators.md.",
               f"Period {got.period.label}; definitions: docs/indicators.md."),
        ]  # fmt: skip
        if got.population_date:
            notes.append(tr(f"Bevölkerung: Stand {got.population_date:%d.%m.%Y}, Quelle: "
                            f"{got.population_source}", f"Population as of "
                            f"{got.population_date.isoformat()}, source: {got.population_source}"))  # fmt: skip
        if got.population_estimated:
            notes.append(tr("Die Bevölkerungstabelle enthält geschätzte Werte.",
                            "The population table holds estimated values."))  # fmt: skip
        for note in notes:
            ws.append([note])
        ws.column_dimensions["B"].width = 26
        if rows:
            chart = BarChart()
            chart.type = "bar"
            chart.title = tr("Fälle je 1.000 Einwohner", "Cases per 1,000 inhabitants")
            chart.legend = None
            chart.add_data(Reference(ws, min_col=5, min_row=1, max_row=1 + len(rows)),
                           titles_from_data=True)  # fmt: skip
            chart.set_categories(Reference(ws, min_col=2, min_row=2, max_row=1 + len(rows)))
            chart.width, chart.height = 18, 11
            ws.add_chart(chart, "M2")
        _setup(ws, landscape=True)

        ws = wb.create_sheet(tr("Personal", "Staff"))
        ws.append([tr("Beratungsfeld (Code)", "Field (code)"), tr("Beratungsfeld", "Field"),
                   tr("Vollzeitstellen", "FTE"), tr("je 40.000 Einwohner", "per 40,000"),
                   tr("Standard je 40.000", "Standard per 40,000"),
                   tr("Ziel je 40.000", "Target per 40,000"), tr("nötig", "needed")])  # fmt: skip
        for c in ws[1]:
            c.font = bold
        for s in got.staffing:
            label = (tr("Schwangerschafts(konflikt)beratung (SchKG)",
                        "Pregnancy (conflict) counselling (SchKG)")
                     if s.field == ind.SCHKG_GROUP else scheme.label("field", s.field, language))  # fmt: skip
            ws.append([s.field, label, s.fte, _value(s.per_base), _value(s.standard),
                       _value(s.target), _value(s.needed_fte)])  # fmt: skip
        ws.column_dimensions["B"].width = 40
        _setup(ws)

        ws = wb.create_sheet(tr("Verlauf Planung", "Planning trend"))
        ws.append([tr("Zeitraum", "Period"), tr("Fälle", "Cases"), tr("Neue Fälle", "New cases"),
                   tr("Neue Fälle je 1.000", "New cases per 1,000"),
                   tr("Stellen mit Daten", "Offices with data")])  # fmt: skip
        for c in ws[1]:
            c.font = bold
        for p in got.trend_quarters:
            ws.append([p.label, _value(p.counts.get("cases_active")),
                       _value(p.counts.get("cases_new")), _value(p.rates.get("cases_new")),
                       p.offices])  # fmt: skip
        for p in got.trend_years:
            ws.append([p.label, "", _value(p.counts.get("cases_new")),
                       _value(p.rates.get("cases_new")), p.offices])  # fmt: skip
        n = len(got.trend_quarters)
        if n:
            line = LineChart()
            line.title = tr("Fälle je Quartal", "Cases per quarter")
            line.add_data(Reference(ws, min_col=2, max_col=3, min_row=1, max_row=1 + n),
                          titles_from_data=True)  # fmt: skip
            line.set_categories(Reference(ws, min_col=1, min_row=2, max_row=1 + n))
            line.width, line.height = 18, 9
            ws.add_chart(line, "G2")
        _setup(ws, landscape=True)

        ws = wb.create_sheet(tr("Karte", "Map"))
        key = f"rate_{measure}"
        chosen = next((a for a in ind.area_indicators(got) if a.key == key), None)
        ws.append([chosen.label(language) if chosen else ""])
        ws["A1"].font = bold
        tiles = geo.tile_map(
            {a: c for a, c in geo.shipped_centroids(scheme.id).items()
             if a in {s.ags for s in dmap.shapes}}
        ) if dmap.kind != "tiles" else dmap  # fmt: skip
        values = chosen.values if chosen else {}
        leg = geo.legend(list(values.values()))
        pooled = {s.ags: scheme.pooled("municipality", s.ags) for s in tiles.shapes}
        per_ags = geo.area_values(tiles, values, pooled)
        cells = {(int(s.centre[0]), int(s.centre[1])): s.ags for s in tiles.shapes}
        if cells:
            min_i = min(i for i, _ in cells)
            max_j = max(j for _, j in cells)
            for (i, j), ags in cells.items():
                cell = ws.cell(row=3 + (max_j - j), column=1 + (i - min_i))
                v = per_ags.get(ags)
                cell.value = (f"{scheme.label('municipality', ags, language)}\n"
                              f"{ind.format_number(v, chosen.digits if chosen else 2, language=language)}")  # fmt: skip
                colour = leg.colour(v).lstrip("#")
                cell.fill = PatternFill("solid", fgColor=colour)
                dark = colour in ("3182bd", "08519c")
                cell.font = Font(size=8, color="FFFFFF" if dark else "000000")
                from openpyxl.styles import Alignment

                cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
            width = max(i for i, _ in cells) - min_i + 1
            for col in range(1, width + 1):
                ws.column_dimensions[ws.cell(row=1, column=col).column_letter].width = 14
            for row in range(3, 3 + max_j - min(j for _, j in cells) + 1):
                ws.row_dimensions[row].height = 42
            legend_col = width + 2
            ws.cell(row=2, column=legend_col, value=tr("Legende", "Legend")).font = bold
            for k, e in enumerate(leg.entries):
                c = ws.cell(row=3 + k, column=legend_col)
                c.fill = PatternFill("solid", fgColor=e.colour.lstrip("#"))
                text = (tr("verdeckt oder keine Angabe", "hidden or no data") if e.low is None
                        else f"{ind.format_number(e.low, 2, language=language)} – "
                             f"{ind.format_number(e.high, 2, language=language)}")  # fmt: skip
                ws.cell(row=3 + k, column=legend_col + 1, value=text)
            ws.cell(row=3 + len(leg.entries) + 1, column=legend_col,
                    value=tr("Schematisch: eine Zelle je Gemeinde, nahe ihrer Lage.",
                             "Schematic: one cell per municipality, near its place."))  # fmt: skip
        _setup(ws, landscape=True)

    return add


def planning_sheets_for(session, period_text: str, language: str | None = None):
    """``planning_sheets`` with the district vault's indicators and map for the period."""
    got = ind.indicators(session, period_text)
    return planning_sheets(got, session.scheme, geo.district_map(session), language)
