#!/usr/bin/env python3
"""Generates the demo city's geography (临川市 is fictional, so its map is too).

Writes, from data/demo/units.csv:
  data/demo/street_centers.csv  one centre per street/town: the central district's
                                streets around the city centre, every other district's
                                streets in its own sector around it;
  data/demo/city.geojson        one polygon per street (the Voronoi cell of its centre,
                                cut to the city's outline) and one (multi)polygon per
                                district (the union of its streets' cells).
Deterministic; rerun after changing the units: python3 scripts/make_demo_geo.py
"""
import csv
import json
import math
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CENTER_LAT, CENTER_LON = 27.95, 116.36
KX = math.cos(math.radians(CENTER_LAT))  # lon degrees → "lat-sized" units near the centre

# Sector of each outer district (degrees, counter-clockwise from east) and the ring it fills.
SECTORS = {
    "LC-D06": (-40, 35),   # 青原县, east
    "LC-D03": (35, 100),   # 临川高新区, north-east
    "LC-D05": (100, 170),  # 北塘区, north-west
    "LC-D02": (170, 245),  # 西湖区, west
    "LC-D04": (245, 320),  # 临江县, south
}
CENTRAL = "LC-D01"  # 东城区
INNER_R, OUTER_R = 0.034, 0.095


def read_units():
    with open(os.path.join(ROOT, "data/demo/units.csv"), encoding="utf-8") as f:
        rows = [r for r in csv.reader(f) if r and not r[0].startswith("#")]
    header = rows[0]
    return [dict(zip(header, r)) for r in rows[1:]]


def to_xy(lat, lon):
    return ((lon - CENTER_LON) * KX, lat - CENTER_LAT)


def to_latlon(x, y):
    return (y + CENTER_LAT, x / KX + CENTER_LON)


def place_streets(units):
    """Centres in (x, y): the central district on a small circle, others spread in their sector."""
    streets = {}
    for u in units:
        if u["kind"] == "street":
            streets.setdefault(u["parent"], []).append(u["code"])
    centers = {}
    for district, codes in sorted(streets.items()):
        codes.sort()
        if district == CENTRAL:
            centers[codes[0]] = (0.0, 0.0)
            for i, code in enumerate(codes[1:]):
                a = 2 * math.pi * i / (len(codes) - 1) + 0.3
                centers[code] = (0.019 * math.cos(a), 0.019 * math.sin(a))
            continue
        a0, a1 = SECTORS[district]
        # Two rings: about half the streets near the centre, half further out.
        inner = (len(codes) + 1) // 2
        for i, code in enumerate(codes):
            ring, k, n = (0, i, inner) if i < inner else (1, i - inner, len(codes) - inner)
            frac = (k + 0.5) / n
            a = math.radians(a0 + (a1 - a0) * frac)
            r = INNER_R + (OUTER_R - INNER_R) * (0.25 if ring == 0 else 0.72) + 0.004 * ((k * 7) % 3 - 1)
            centers[code] = (r * math.cos(a), r * math.sin(a))
    return centers


def outline():
    """An irregular 48-gon around the centre: the city's boundary."""
    pts = []
    for i in range(48):
        a = 2 * math.pi * i / 48
        r = 0.112 + 0.011 * math.sin(3 * a + 0.7) + 0.006 * math.sin(7 * a + 1.9)
        pts.append((r * math.cos(a), r * math.sin(a)))
    return pts


def clip(poly, p, q):
    """Keeps the part of convex polygon `poly` closer to site p than to site q."""
    mx, my = (p[0] + q[0]) / 2, (p[1] + q[1]) / 2
    nx, ny = q[0] - p[0], q[1] - p[1]
    side = lambda v: (v[0] - mx) * nx + (v[1] - my) * ny  # <= 0: p's side
    out = []
    for i, a in enumerate(poly):
        b = poly[(i + 1) % len(poly)]
        sa, sb = side(a), side(b)
        if sa <= 0:
            out.append(a)
        if (sa < 0 < sb) or (sb < 0 < sa):
            t = sa / (sa - sb)
            out.append((a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])))
    return out


def rounded(pt):
    lat, lon = to_latlon(*pt)
    return (round(lon, 6), round(lat, 6))


def union_rings(cells):
    """Outline rings of the union of cells that share whole edges."""
    edges = {}
    for cell in cells:
        ring = [rounded(p) for p in cell]
        for i, a in enumerate(ring):
            b = ring[(i + 1) % len(ring)]
            if a == b:
                continue
            if (b, a) in edges:
                del edges[(b, a)]  # an inner edge, shared with a neighbour
            else:
                edges[(a, b)] = True
    nxt = {}
    for a, b in edges:
        nxt.setdefault(a, []).append(b)
    rings = []
    while nxt:
        start = next(iter(nxt))
        ring, cur = [start], start
        while True:
            b = nxt[cur].pop()
            if not nxt[cur]:
                del nxt[cur]
            if b == start:
                break
            ring.append(b)
            cur = b
        rings.append(ring + [ring[0]])
    return rings


def area(ring):
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:])) / 2


def main():
    units = read_units()
    names = {u["code"]: u["name"] for u in units}
    parent = {u["code"]: u["parent"] for u in units}
    centers = place_streets(units)
    boundary = outline()
    # Each cell is the outline cut by the half-planes nearer its centre than each
    # other centre (Sutherland–Hodgman against one half-plane at a time).
    cells = {}
    for code, p in centers.items():
        cell = boundary
        for other, q in centers.items():
            if other != code:
                cell = clip(cell, p, q)
        cells[code] = cell

    features = []
    for code in sorted(cells):
        ring = [rounded(pt) for pt in cells[code]]
        features.append({
            "type": "Feature",
            "properties": {"code": code, "name": names[code], "kind": "street", "district": parent[code]},
            "geometry": {"type": "Polygon", "coordinates": [ring + [ring[0]]]},
        })
    for district in sorted({parent[c] for c in cells}):
        rings = union_rings([cells[c] for c in cells if parent[c] == district])
        outer = [r for r in rings if area(r) > 0]  # counter-clockwise
        holes = [r for r in rings if area(r) <= 0]
        assert not holes, f"{district} has a hole"
        geometry = ({"type": "Polygon", "coordinates": [outer[0]]} if len(outer) == 1 else
                    {"type": "MultiPolygon", "coordinates": [[r] for r in outer]})
        features.append({
            "type": "Feature",
            "properties": {"code": district, "name": names[district], "kind": "district", "district": district},
            "geometry": geometry,
        })
    with open(os.path.join(ROOT, "data/demo/city.geojson"), "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection",
                   "name": "临川市 (demo city, generated by scripts/make_demo_geo.py)",
                   "features": features}, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    with open(os.path.join(ROOT, "data/demo/street_centers.csv"), "w", encoding="utf-8") as f:
        f.write("# Centres of the demo city's streets and towns (WGS-84 degrees), generated by\n"
                "# scripts/make_demo_geo.py with city.geojson; demo appeals are placed near them.\n")
        f.write("code,lat,lon\n")
        for code in sorted(centers):
            lat, lon = to_latlon(*centers[code])
            f.write(f"{code},{lat:.6f},{lon:.6f}\n")


if __name__ == "__main__":
    main()
