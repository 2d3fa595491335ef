"""The planning pages of the district PDF: indicators, the map and the planning charts.

``planning_pages(indicators, scheme, dmap)`` gives the callable that ui/district_report_pdf.py
calls while it builds the document: it adds the map and chart images to the document and
returns the pages' HTML. The figures are app.district.indicators' (published, suppressed);
the map is ui/district_map.py's painting.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from app.district import geo
from app.district import indicators as ind
from app.lang import t
from app.scheme.model import Scheme
from ui import plan_charts
from ui.district_map import MapPicture

MAP_W, MAP_H = 900, 560  # layout units of the map picture
CHART_W, CHART_H = 900, 460
SCALE = 2.0  # images drawn twice as fine as they are laid out
IMG_W = 640  # width on the page in CSS pixels (1/96 inch: about 17 cm)


def _table(header: list[str], rows: list[list[str]]) -> str:
    out = ['<table width="100%" cellspacing="0" cellpadding="3" border="0.5">', "<tr>"]
    out += [f"<th{' class=num' if i else ''}>{html.escape(h)}</th>" for i, h in enumerate(header)]
    out.append("</tr>")
    for row in rows:
        out.append("<tr>")
        out += [
            f"<td{' class=num' if i else ''}>{html.escape(str(c))}</td>" for i, c in enumerate(row)
        ]
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def map_picture(
    got: ind.Indicators, scheme: Scheme, dmap: geo.DistrictMap, key: str, language: str
) -> MapPicture:
    pic = MapPicture()
    pic.set_map(dmap, {s.ags: scheme.label("municipality", s.ags, language) for s in dmap.shapes})
    chosen = next((a for a in ind.area_indicators(got) if a.key == key), None)
    pooled = {s.ags: scheme.pooled("municipality", s.ags) for s in dmap.shapes}
    pic.set_values(chosen, pooled, chosen.label(language) if chosen else "")
    return pic


def planning_pages(
    got: ind.Indicators, scheme: Scheme, dmap: geo.DistrictMap, *, map_key: str = ""
) -> Callable[[QTextDocument, str], str]:
    def pages(doc: QTextDocument, language: str) -> str:
        esc = html.escape
        fmt = ind.format_number
        key = map_key or (f"rate_{got.measures[0]}" if got.measures else "")
        pic = map_picture(got, scheme, dmap, key, language)
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("plan:map"),
                        pic.image(MAP_W, MAP_H, SCALE))  # fmt: skip
        parts = [
            '<h2 style="page-break-before: always;">'
            + esc(t("6. Planung: Kennzahlen je Einwohner", "6. Planning: indicators per "
                    "inhabitant", language)) + "</h2>"
        ]  # fmt: skip
        if got.population_date is None:
            parts.append("<p>" + esc(t(
                "Keine Bevölkerungstabelle eingelesen: ohne sie gibt es keine Raten je "
                "Einwohner.", "No population table imported: without one there are no rates "
                "per inhabitant.", language)) + "</p>")  # fmt: skip
        else:
            note = t(
                f"Bevölkerung: {fmt(got.population_total, 0, language=language)} Einwohner, "
                f"Stand {got.population_date:%d.%m.%Y}. Quelle: {got.population_source}.",
                f"Population: {fmt(got.population_total, 0, language=language)} inhabitants "
                f"as of {got.population_date.isoformat()}. Source: {got.population_source}.",
                language,
            )
            if got.population_estimated:
                note += " " + t("Die Tabelle enthält geschätzte Werte (keine amtlichen "
                                "Zahlen).", "The table holds estimated values (not official "
                                "figures).", language)  # fmt: skip
            parts.append(f'<p class="note">{esc(note)}</p>')
        rule = t(
            "Nur veröffentlichte Zahlen (nach Zusammenfassung der VG Vorharz und "
            "Geheimhaltung): „.“ ist verdeckt, und jede Rate daraus auch. Wartezeiten kommen "
            "mit dem Schema Version 2.",
            "Published figures only (VG Vorharz pooled, after disclosure control): '.' is "
            "hidden, and so is every rate from it. Waiting times come with scheme version 2.",
            language,
        )
        parts.append(f'<p class="note">{esc(rule)}</p>')
        parts.append(f"<h3>{esc(pic.title)}</h3>")
        parts.append(f'<p><img src="plan:map" width="{IMG_W}" '
                     f'height="{round(IMG_W * MAP_H / MAP_W)}"/></p>')  # fmt: skip
        measure = got.measures[0] if got.measures else "cases_new"
        rows = []
        multi = {s.code: s for s in got.multi_problem_by_area}
        bal = {b.code: b for b in got.balance}
        for r in got.by_area.get(measure, ()):
            m, b = multi.get(r.code), bal.get(r.code)
            rows.append([
                ind.area_label(r.code, scheme, language),
                fmt(r.population, 0, language=language),
                fmt(r.count, 0, language=language),
                fmt(r.rate, 2, language=language),
                fmt(m.share if m else None, 0, percent=True, language=language),
                fmt(b.ratio if b else None, 2, language=language),
            ])  # fmt: skip
        parts.append(_table([
            t("Gebiet", "Area", language), t("Einwohner", "Inhabitants", language),
            t("Fälle", "Cases", language), t("je 1.000", "per 1,000", language),
            t("Multiproblem", "Multi-problem", language),
            t("Fälle ÷ Bevölkerung (Anteile)", "Cases ÷ population (shares)", language),
        ], rows))  # fmt: skip
        figs = plan_charts.figures(got, scheme, language)
        for i, fig in enumerate(figs):
            name = f"plan:chart:{fig.key}"
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name),
                            plan_charts.image(fig, CHART_W, CHART_H, SCALE))  # fmt: skip
            style = ' style="page-break-before: always;"' if i % 2 == 0 else ""
            parts.append(f"<h3{style}>{esc(fig.title)}</h3>")
            parts.append(f'<p><img src="{name}" width="{IMG_W}" '
                         f'height="{round(IMG_W * CHART_H / CHART_W)}"/></p>')  # fmt: skip
            if fig.note:
                parts.append(f'<p class="note">{esc(fig.note)}</p>')
        staff = got.staffing
        parts.append('<h3 style="page-break-before: always;">'
                     + esc(t("Personal je 40.000 Einwohner", "Staff per 40,000 inhabitants",
                             language)) + "</h3>")  # fmt: skip
        parts.append(_table(
            [t("Beratungsfeld", "Counselling field", language), t("Vollzeitstellen", "FTE",
             language), t("je 40.000", "per 40,000", language), t("Standard", "Standard",
             language), t("Ziel", "Target", language), t("nötig", "needed", language)],
            [[t("Schwangerschafts(konflikt)beratung (SchKG)",
                "Pregnancy (conflict) counselling (SchKG)", language)
              if s.field == ind.SCHKG_GROUP else scheme.label("field", s.field, language),
              fmt(s.fte, 2, language=language), fmt(s.per_base, 2, language=language),
              fmt(s.standard, 1, language=language), fmt(s.target, 2, language=language),
              fmt(s.needed_fte, 2, language=language)] for s in staff],
        ))  # fmt: skip
        return "\n".join(parts)

    return pages


def planning_pages_for(session, period_text: str) -> Callable[[QTextDocument, str], str]:
    """``planning_pages`` with the district vault's indicators and map for the period."""
    got = ind.indicators(session, period_text)
    return planning_pages(got, session.scheme, geo.district_map(session))
