"""The district map's geometry and colours, without Qt (ui/district_map.py paints them).

Shapes come from a GeoJSON file the district loads (e.g. its GIS department's extract of the
official VG250 municipality boundaries), in EPSG:4326 (WGS 84, as RFC 7946 says) or EPSG:25832
(ETRS89 / UTM 32N, as the BKG ships VG250). Features are matched to the scheme's
municipalities by their key property (AGS, or the 12-digit ARS); others are ignored. Without
a file the map is a schematic tile map: one square per municipality, placed near its
centroid (resources/geo/<scheme id>-centroids.json).

Shapes are kept in one plane ("map units", metres east and north; y grows northwards), so the
painter only scales them to the widget. Colours: equal-interval classes from 0 with rounded
breaks, a sequential colour-blind-safe ramp, and one colour for "hidden or no data".
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence

import msgspec

from app.errors import MapRefused
from app.vault.settings import Setting

Ring = tuple[tuple[float, float], ...]

# ColorBrewer "Blues" (5 classes, colour-blind safe, prints in grey)
RAMP = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
NO_DATA = "#d9d9d9"
KEY_PROPERTIES = ("AGS", "ags", "AGS_0", "Gemeindeschluessel", "GEM_SCHL", "ARS", "RS", "ARS_0")
EARTH_RADIUS = 6_371_000.0


class Shape(msgspec.Struct, frozen=True, kw_only=True):
    ags: str  # the municipality
    rings: tuple[Ring, ...]  # outer rings and holes, in map units (even-odd filling)
    centre: tuple[float, float]  # where the label goes


class DistrictMap(msgspec.Struct, frozen=True, kw_only=True):
    kind: str  # "geojson" or "tiles"
    source: str  # file name or the centroid file
    crs: str  # "EPSG:4326", "EPSG:25832" or "" for tiles
    shapes: tuple[Shape, ...]

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        xs = [x for s in self.shapes for r in s.rings for x, _ in r]
        ys = [y for s in self.shapes for r in s.rings for _, y in r]
        return (min(xs), min(ys), max(xs), max(ys)) if xs else (0.0, 0.0, 1.0, 1.0)


def _refuse(de: str, en: str) -> MapRefused:
    return MapRefused(
        f"Kartendatei: {de} Bitte eine GeoJSON-Datei der Gemeindegrenzen (z. B. VG250, "
        "EPSG:4326 oder EPSG:25832) wählen.",
        f"Map file: {en} Choose a GeoJSON file of the municipality boundaries (e.g. VG250, "
        "EPSG:4326 or EPSG:25832).",
    )


def _crs(doc: dict, sample: tuple[float, float] | None) -> str:
    named = ((doc.get("crs") or {}).get("properties") or {}).get("name", "")
    if named:
        code = str(named).upper().replace("::", ":").rsplit(":", 1)[-1]
        if code in ("4326", "CRS84"):
            return "EPSG:4326"
        if code == "25832":
            return "EPSG:25832"
        raise _refuse(
            f"das Koordinatensystem {named} wird nicht unterstützt.",
            f"the coordinate system {named} is not supported.",
        )
    if sample and abs(sample[0]) <= 180 and abs(sample[1]) <= 90:
        return "EPSG:4326"
    return "EPSG:25832"


def _key(props: Mapping, known: set[str]) -> str | None:
    for name in KEY_PROPERTIES:
        value = str(props.get(name, "")).strip()
        if len(value) == 12 and value.isdigit():  # ARS: Land, RB, Kreis, Verband (4), Gemeinde
            value = value[:5] + value[9:]
        if value in known:
            return value
    return None


def _polygons(geometry: Mapping) -> list[list[list]]:
    kind = geometry.get("type")
    coords = geometry.get("coordinates") or []
    if kind == "Polygon":
        return [coords]
    if kind == "MultiPolygon":
        return list(coords)
    return []


def _area(ring: Ring) -> float:
    return 0.5 * sum(
        x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)
    )


def _centre(rings: Sequence[Ring]) -> tuple[float, float]:
    """The centroid of the largest ring (a label inside the main part)."""
    ring = max(rings, key=lambda r: abs(_area(r)))
    a = _area(ring)
    if not a:
        return ring[0]
    cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        f = x1 * y2 - x2 * y1
        cx += (x1 + x2) * f
        cy += (y1 + y2) * f
    return (cx / (6 * a), cy / (6 * a))


def load_geojson(data: bytes, known: Sequence[str], source: str = "") -> DistrictMap:
    """The municipalities' shapes from a GeoJSON file; refused unless every one is there."""
    try:
        doc = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise _refuse("die Datei ist kein JSON.", "the file is not JSON.") from exc
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        raise _refuse("keine GeoJSON-FeatureCollection.", "not a GeoJSON FeatureCollection.")
    wanted = set(known)
    found: dict[str, list[list[list]]] = {}
    sample = None
    for feature in doc.get("features") or []:
        if not isinstance(feature, dict):
            continue
        ags = _key(feature.get("properties") or {}, wanted)
        if ags is None:
            continue
        polys = _polygons(feature.get("geometry") or {})
        try:
            sample = sample or tuple(polys[0][0][0][:2])
        except (IndexError, TypeError):
            continue
        found.setdefault(ags, []).extend(polys)
    if not found:
        raise _refuse(
            "keine Fläche trägt einen Gemeindeschlüssel des Landkreises (Eigenschaft AGS "
            "oder ARS).",
            "no feature carries a municipality key of the district (property AGS or ARS).",
        )
    missing = [a for a in known if a not in found]
    if missing:
        raise _refuse(
            f"es fehlen die Gemeinden {', '.join(missing)}.",
            f"the municipalities {', '.join(missing)} are missing.",
        )
    crs = _crs(doc, sample)  # type: ignore[arg-type]
    all_points = [p for polys in found.values() for poly in polys for ring in poly for p in ring]
    try:
        lat0 = sum(float(p[1]) for p in all_points) / len(all_points)
        project = _projector(crs, lat0)
        shapes = []
        for ags in known:
            rings = tuple(
                tuple(project(float(p[0]), float(p[1])) for p in ring)
                for poly in found[ags]
                for ring in poly
                if len(ring) >= 3
            )
            shapes.append(Shape(ags=ags, rings=rings, centre=_centre(rings)))
    except (TypeError, ValueError, IndexError) as exc:
        raise _refuse("Koordinaten sind keine Zahlenpaare.", "coordinates are not pairs.") from exc
    return DistrictMap(kind="geojson", source=source, crs=crs, shapes=tuple(shapes))


def _projector(crs: str, lat0: float):
    if crs == "EPSG:25832":
        return lambda x, y: (round(x, 1), round(y, 1))
    # Equirectangular about the district's mean latitude: true to scale at its size.
    k = math.cos(math.radians(lat0)) * EARTH_RADIUS * math.pi / 180
    m = EARTH_RADIUS * math.pi / 180
    return lambda lon, lat: (round(lon * k, 1), round(lat * m, 1))


# the schematic tile map


def tile_map(centroids: Mapping[str, tuple[float, float]], source: str = "") -> DistrictMap:
    """One square per municipality on a grid, each as near its centroid (lat, lon) as a
    free cell allows; the nearest to the middle choose first. Deterministic."""
    if not centroids:
        return DistrictMap(kind="tiles", source=source, crs="", shapes=())
    lat0 = sum(lat for lat, _ in centroids.values()) / len(centroids)
    project = _projector("EPSG:4326", lat0)
    points = {a: project(lon, lat) for a, (lat, lon) in centroids.items()}
    xs = [x for x, _ in points.values()]
    ys = [y for _, y in points.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    cell = span / max(3, math.ceil(math.sqrt(len(points))) + 1)
    mx, my = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    order = sorted(points, key=lambda a: (math.hypot(points[a][0] - mx, points[a][1] - my), a))
    taken: dict[tuple[int, int], str] = {}
    for ags in order:
        x, y = points[ags]
        ideal = ((x - min(xs)) / cell, (y - min(ys)) / cell)
        best = None
        for r in range(0, 8):
            cands = [
                (i, j)
                for i in range(round(ideal[0]) - r, round(ideal[0]) + r + 1)
                for j in range(round(ideal[1]) - r, round(ideal[1]) + r + 1)
                if (i, j) not in taken
            ]
            if cands:
                best = min(cands, key=lambda c: (math.hypot(c[0] - ideal[0], c[1] - ideal[1]), c))
                break
        assert best is not None
        taken[best] = ags
    shapes = []
    gap = 0.06
    for (i, j), ags in taken.items():
        x0, y0, x1, y1 = i + gap, j + gap, i + 1 - gap, j + 1 - gap
        ring = ((x0, y0), (x1, y0), (x1, y1), (x0, y1))
        shapes.append(Shape(ags=ags, rings=(ring,), centre=(i + 0.5, j + 0.5)))
    order_known = list(centroids)
    shapes.sort(key=lambda s: order_known.index(s.ags))
    return DistrictMap(kind="tiles", source=source, crs="", shapes=tuple(shapes))


def shipped_centroids(scheme_id: str) -> dict[str, tuple[float, float]]:
    """AGS -> (lat, lon) from resources/geo/<scheme id>-centroids.json ({} if none)."""
    from app.resources import resource_path

    path = resource_path("geo", f"{scheme_id}-centroids.json")
    if not path.exists():
        return {}
    doc = json.loads(path.read_bytes())
    return {a: (float(v["lat"]), float(v["lon"])) for a, v in doc["municipalities"].items()}


# colour classes


class LegendEntry(msgspec.Struct, frozen=True, kw_only=True):
    low: float | None  # None: the "hidden or no data" entry
    high: float | None
    colour: str


class Legend(msgspec.Struct, frozen=True, kw_only=True):
    entries: tuple[LegendEntry, ...]  # classes from low to high, then "no data"

    def colour(self, value: float | None) -> str:
        """The colour of ``value``: the class whose [low, high) holds it (the top class
        includes its high end); NO_DATA for None."""
        if value is None:
            return self.entries[-1].colour
        classes = self.entries[:-1]
        for e in classes:
            if e.low is not None and e.high is not None and e.low <= value < e.high:
                return e.colour
        return classes[-1].colour if classes else self.entries[-1].colour


def _nice(step: float) -> float:
    if step <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(step))
    for f in (1, 2, 2.5, 5, 10):
        if step <= f * power + 1e-12:
            return f * power
    return 10 * power


def legend(values: Sequence[float | None], n: int = len(RAMP)) -> Legend:
    """Equal-interval classes from 0 to above the largest value, with rounded breaks."""
    known = [v for v in values if v is not None]
    top = max(known, default=0.0)
    step = _nice(top / n) if top > 0 else 1.0
    while step * n <= top:  # the top value inside the top class
        step = _nice(step * 1.0001 + 1e-12)
    entries = [
        LegendEntry(low=round(i * step, 10), high=round((i + 1) * step, 10), colour=RAMP[i])
        for i in range(n)
    ]
    entries.append(LegendEntry(low=None, high=None, colour=NO_DATA))
    return Legend(entries=tuple(entries))


def area_values(
    dmap: DistrictMap, by_area: Mapping[str, float | None], pooled: Mapping[str, str]
) -> dict[str, float | None]:
    """AGS -> value of its published area (VG Vorharz members share the pool's value)."""
    return {s.ags: by_area.get(pooled.get(s.ags, s.ags)) for s in dmap.shapes}


# the district's map, kept in its vault

MAP: Setting[DistrictMap | None] = Setting(
    "district.map", DistrictMap | None, None, audit_action="district.map_loaded"
)


def municipality_keys(scheme) -> list[str]:
    return [c.code for c in scheme.codes("municipality") if c.code.isdigit()]


def load_map(session, data: bytes, source: str = "") -> DistrictMap:
    """Check a GeoJSON file and keep its shapes as the district's map (lead only)."""
    from app.district.desk import require_district

    require_district(session)
    session.require_lead("Das Laden der Karte", "Loading the map")
    dmap = load_geojson(data, municipality_keys(session.scheme), source)
    MAP.write(session, dmap)
    return dmap


def forget_map(session) -> None:
    """Back to the schematic tile map (lead only)."""
    from app.district.desk import require_district

    require_district(session)
    session.require_lead("Das Laden der Karte", "Loading the map")
    MAP.write(session, None)


def district_map(session) -> DistrictMap:
    """The loaded map, or the schematic tile map of the scheme's municipalities."""
    from app.district.desk import require_district

    require_district(session)
    stored = MAP.read(session)
    if stored is not None:
        return stored
    centroids = shipped_centroids(session.scheme.id)
    known = municipality_keys(session.scheme)
    return tile_map({a: centroids[a] for a in known if a in centroids},
                    f"resources/geo/{session.scheme.id}-centroids.json")  # fmt: skip
