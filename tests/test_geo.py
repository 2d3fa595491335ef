"""The map's geometry and colours: GeoJSON in both coordinate systems, the tile map, and
every area's colour against the legend."""

from __future__ import annotations

import json

import pytest

from app.district import geo
from app.errors import MapRefused

AGS = ["15085040", "15085135", "15085370"]


def square(x: float, y: float, d: float) -> list:
    return [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]]


def collection(features: list, crs: str | None = None) -> bytes:
    doc: dict = {"type": "FeatureCollection", "features": features}
    if crs:
        doc["crs"] = {"type": "name", "properties": {"name": crs}}
    return json.dumps(doc).encode()


def feature(props: dict, coords: list, kind: str = "Polygon") -> dict:
    return {
        "type": "Feature",
        "properties": props,
        "geometry": {"type": kind, "coordinates": coords},
    }


def test_geojson_in_wgs84_is_projected_and_matched_by_ags():
    data = collection(
        [
            feature({"AGS": "15085040", "GEN": "Ballenstedt"}, square(11.2, 51.7, 0.1)),
            feature({"AGS": "15085135"}, square(11.0, 51.9, 0.1)),
            feature({"AGS": "15085370"}, [square(10.7, 51.8, 0.1), square(10.9, 51.8, 0.01)],
                    "MultiPolygon"),
            feature({"AGS": "03153001"}, square(10.4, 51.9, 0.1)),  # Goslar: ignored
        ]
    )  # fmt: skip
    got = geo.load_geojson(data, AGS, "gem.geojson")
    assert got.crs == "EPSG:4326" and got.kind == "geojson"
    assert [s.ags for s in got.shapes] == AGS
    ring = got.shapes[0].rings[0]
    width = ring[1][0] - ring[0][0]
    height = ring[2][1] - ring[1][1]
    # 0.1 degrees: about 11.1 km north-south, and cos(51.8°) of that east-west
    assert height == pytest.approx(11_119, rel=0.01)
    assert width / height == pytest.approx(0.618, rel=0.01)
    assert len(got.shapes[2].rings) == 2
    # the label sits in the larger part
    x, _y = got.shapes[2].centre
    assert got.shapes[2].rings[0][0][0] < x < got.shapes[2].rings[0][1][0]


def test_geojson_in_utm32_and_ars_keys():
    data = collection(
        [feature({"ARS": f"{a[:5]}0000{a[5:]}"}, square(600_000 + i * 20_000, 5_740_000, 10_000))
         for i, a in enumerate(AGS)],
        crs="urn:ogc:def:crs:EPSG::25832",
    )  # fmt: skip
    got = geo.load_geojson(data, AGS)
    assert got.crs == "EPSG:25832"
    assert got.shapes[1].rings[0][0] == (620_000.0, 5_740_000.0)
    assert got.bounds == (600_000.0, 5_740_000.0, 650_000.0, 5_750_000.0)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"{nope", "kein JSON"),
        (b'{"type": "Feature"}', "FeatureCollection"),
        (collection([feature({"AGS": "03153001"}, square(0, 0, 1))]), "Gemeindeschlüssel"),
        (collection([feature({"AGS": "15085040"}, square(11, 51, 1))]), "15085135"),
        (collection([feature({"AGS": a}, square(11, 51, 1)) for a in AGS], "EPSG:3857"), "3857"),
    ],
    ids=["not json", "no collection", "no municipality", "one missing", "other crs"],
)
def test_geojson_refusals(data, words):
    with pytest.raises(MapRefused, match=words):
        geo.load_geojson(data, AGS)


def test_tile_map_has_one_tile_per_municipality_on_distinct_cells():
    centroids = geo.shipped_centroids("lk-harz")
    assert len(centroids) == 20
    got = geo.tile_map(centroids)
    assert sorted(s.ags for s in got.shapes) == sorted(centroids)
    cells = {(int(s.centre[0]), int(s.centre[1])) for s in got.shapes}
    assert len(cells) == 20
    by = {s.ags: s.centre for s in got.shapes}
    # west stays west, north stays north: Wernigerode left of Halberstadt, Huy above Harzgerode
    assert by["15085370"][0] < by["15085135"][0]
    assert by["15085185"][1] > by["15085145"][1]
    assert geo.tile_map(centroids) == got  # deterministic


def test_every_colour_matches_its_legend_entry():
    values = {"a": 0.0, "b": 0.49, "c": 1.0, "d": 2.3, "e": 4.99, "f": None}
    leg = geo.legend(list(values.values()))
    classes = leg.entries[:-1]
    assert [e.low for e in classes] == [0, 1, 2, 3, 4]  # step 1 for a top of 4.99
    assert classes[-1].high == 5
    assert leg.entries[-1].colour == geo.NO_DATA and leg.entries[-1].low is None
    for code, v in values.items():
        colour = leg.colour(v)
        if v is None:
            assert colour == geo.NO_DATA, code
            continue
        holding = [e for e in classes if e.low <= v < e.high]
        assert len(holding) == 1 and holding[0].colour == colour, code
    assert len({e.colour for e in leg.entries}) == len(leg.entries)


@pytest.mark.parametrize(
    ("top", "lows"),
    [(0.0, [0, 1, 2, 3, 4]), (10.0, [0, 2.5, 5, 7.5, 10]), (0.3, [0, 0.1, 0.2, 0.3, 0.4])],
)
def test_legend_breaks_are_round_and_hold_the_top(top, lows):
    leg = geo.legend([top, None])
    assert [e.low for e in leg.entries[:-1]] == pytest.approx(lows)
    assert leg.colour(top) in geo.RAMP
    assert sum(1 for e in leg.entries[:-1] if e.low <= top < e.high) == 1


def test_pool_members_share_the_pool_value():
    dmap = geo.tile_map(geo.shipped_centroids("lk-harz"))
    got = geo.area_values(dmap, {"VG Vorharz": 2.0, "15085135": None}, {"15085090": "VG Vorharz"})
    assert got["15085090"] == 2.0 and got["15085135"] is None and got["15085040"] is None
