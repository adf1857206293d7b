// The city map (GET /api/v1/public/map: a GeoJSON FeatureCollection whose features
// carry {code, name, kind: "street" | "district", district}) — pure helpers shared
// by 数据大屏's choropleth and the portal's location picker. Coordinates are
// [lon, lat] (WGS-84), as GeoJSON has them.

/** The names the map is registered under with ECharts: whole, streets only, districts only. */
export const CITY_MAP = 'hotline-city'
export const STREET_MAP = 'hotline-city-streets'
export const DISTRICT_MAP = 'hotline-city-districts'

/**
 * The marker on the portal's map. ECharts draws its 'pin' with the tip at the
 * symbol's anchor (the data point) and the head above it, so the pin must not be
 * offset: any symbolOffset moves the tip off the chosen spot.
 */
export const PIN_MARKER = Object.freeze({ symbol: 'pin', symbolSize: 36, symbolOffset: [0, 0] })

/** The FeatureCollection with only the features of one kind ("street" / "district"). */
export function featuresOfKind(geojson, kind) {
  const features = ((geojson && geojson.features) || []).filter((f) => f && f.properties && f.properties.kind === kind)
  return { type: 'FeatureCollection', features }
}

/** The map's features by kind: {streets, districts}, each [{code, name, district}] in map order. */
export function mapFeatures(geojson) {
  const streets = []
  const districts = []
  for (const f of (geojson && geojson.features) || []) {
    const p = (f && f.properties) || {}
    if (!p.code) continue
    const item = { code: p.code, name: p.name || p.code, district: p.district || '' }
    if (p.kind === 'street') streets.push(item)
    else if (p.kind === 'district') districts.push({ ...item, district: p.district || p.code })
  }
  return { streets, districts }
}

/** True when the GeoJSON has something to draw (at least one street or district polygon). */
export function hasMapData(geojson) {
  const { streets, districts } = mapFeatures(geojson)
  return streets.length + districts.length > 0
}

/** [[lonMin, latMax], [lonMax, latMin]] over every coordinate of the map (ECharts' boundingCoords). */
export function mapBounds(geojson) {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const f of (geojson && geojson.features) || []) {
    for (const ring of rings(f && f.geometry)) {
      for (const [x, y] of ring) {
        if (x < minX) minX = x
        if (x > maxX) maxX = x
        if (y < minY) minY = y
        if (y > maxY) maxY = y
      }
    }
  }
  if (!Number.isFinite(minX)) return null
  return [[minX, maxY], [maxX, minY]]
}

/** Width over height of a degree at the map's middle latitude (ECharts' aspectScale): cos(lat). */
export function aspectFor(bounds) {
  if (!bounds) return 0.75
  const lat = (bounds[0][1] + bounds[1][1]) / 2
  return Math.round(Math.cos((lat * Math.PI) / 180) * 1000) / 1000
}

// Every ring of a Polygon / MultiPolygon (outer rings and holes alike).
function rings(geometry) {
  if (!geometry || !Array.isArray(geometry.coordinates)) return []
  if (geometry.type === 'Polygon') return geometry.coordinates
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat()
  return []
}

/** Ray casting: is [x, y] inside the ring (a closed or open list of [x, y])? */
function inRing([x, y], ring) {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]
    const [xj, yj] = ring[j]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** Inside a GeoJSON Polygon or MultiPolygon (outer ring in, no hole around the point)? */
export function inGeometry(point, geometry) {
  if (!geometry) return false
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : []
  return polygons.some((poly) => Array.isArray(poly) && poly.length > 0 && inRing(point, poly[0]) && !poly.slice(1).some((hole) => inRing(point, hole)))
}

/**
 * The place under a point [lon, lat]: the street whose polygon holds it, else the
 * district; each as {code, name, kind, district}. null outside the city.
 * (The server maps a point the same way: the most specific polygon that holds it.)
 */
export function placeAt(geojson, point) {
  if (!Array.isArray(point) || !point.every(Number.isFinite)) return null
  let district = null
  for (const f of (geojson && geojson.features) || []) {
    const p = (f && f.properties) || {}
    if (!p.code || !inGeometry(point, f.geometry)) continue
    const place = { code: p.code, name: p.name || p.code, kind: p.kind, district: p.district || '' }
    if (p.kind === 'street') return place
    if (p.kind === 'district' && !district) district = place
  }
  return district
}

/** A clicked point as the appeal's location: {lat, lon} rounded to about a metre. */
export function pointToLocation([lon, lat]) {
  const round = (x) => Math.round(x * 1e6) / 1e6
  return { lat: round(lat), lon: round(lon) }
}

/** by_area as the API may send it — {code: n} or [{code, count}] — as [[code, n]]. */
function areaEntries(byArea) {
  if (Array.isArray(byArea)) return byArea.filter((x) => x && typeof x === 'object').map((x) => [x.code || '', Number(x.count) || 0])
  return Object.entries(byArea || {}).map(([code, n]) => [code, Number(n) || 0])
}

/**
 * Counts per area code rolled up to the map's streets. A ticket's area may be a
 * district, a street or a community: communities (and anything else below a
 * street) count for their street; an area at district level (or a street the map
 * does not draw) counts as "district only"; the city itself, unknown codes and ""
 * are "unlocated". `units` is the unit list ({code, kind, parent}).
 * → {streets: Map(street → n), districtOnly: Map(district → n), unlocated, total}
 */
export function rollUpAreas(byArea, units, streetCodes) {
  const byCode = new Map((units || []).map((u) => [u.code, u]))
  const onMap = new Set(streetCodes || [])
  const streets = new Map()
  const districtOnly = new Map()
  let unlocated = 0
  let total = 0
  const add = (m, k, n) => m.set(k, (m.get(k) || 0) + n)
  for (const [code, n] of areaEntries(byArea)) {
    if (n <= 0) continue
    total += n
    let street = ''
    let district = ''
    const seen = new Set()
    for (let u = byCode.get(code); u && !seen.has(u.code); u = u.parent ? byCode.get(u.parent) : null) {
      seen.add(u.code)
      if (!street && onMap.has(u.code)) street = u.code
      if (!district && u.kind === 'district') district = u.code
    }
    // A unit list that does not know the code yet: a street drawn on the map is still a street.
    if (!street && !byCode.has(code) && onMap.has(code)) street = code
    if (street) add(streets, street, n)
    else if (district) add(districtOnly, district, n)
    else unlocated += n
  }
  return { streets, districtOnly, unlocated, total }
}

/**
 * The same figures from per-street counts (one `/stats?area=<street>` each — the
 * filter takes a unit's whole subtree) and the answer's by_district: what a
 * district has beyond its streets on the map is "district only"; by_district's
 * "" (or unknown codes) is "unlocated".
 */
export function rollUpFromStreets(streetCounts, byDistrict, streets, districtCodes) {
  const counts = new Map()
  const perDistrict = new Map()
  for (const s of streets || []) {
    const n = Number(streetCounts && streetCounts.get ? streetCounts.get(s.code) : 0) || 0
    if (n > 0) counts.set(s.code, n)
    perDistrict.set(s.district, (perDistrict.get(s.district) || 0) + n)
  }
  const known = new Set(districtCodes || [])
  const districtOnly = new Map()
  let unlocated = 0
  let total = 0
  for (const d of byDistrict || []) {
    const n = Number(d && d.count) || 0
    total += n
    if (!d.code || !known.has(d.code)) {
      unlocated += n
      continue
    }
    const rest = n - (perDistrict.get(d.code) || 0)
    if (rest > 0) districtOnly.set(d.code, rest)
  }
  return { streets: counts, districtOnly, unlocated, total }
}

/** The choropleth's data: every street on the map with its count (0 when none), in map order. */
export function streetSeriesData(streets, counts) {
  return (streets || []).map((s) => ({ name: s.code, value: (counts && counts.get(s.code)) || 0 }))
}

/** The visualMap's top: the largest street count, at least 1 (so an empty city still draws a scale). */
export function scaleMax(counts) {
  let max = 0
  for (const n of (counts && counts.values()) || []) if (n > max) max = n
  return Math.max(1, max)
}

/** "东城区 3 件、西湖区 1 件": the district-only counts, largest first, with names. */
export function districtOnlyList(districtOnly, nameOf = (c) => c) {
  return [...((districtOnly && districtOnly.entries()) || [])]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))
    .map(([code, n]) => ({ code, name: nameOf(code) || code, count: n }))
}

/**
 * Calls `count(code)` for every street, at most `limit` at a time → Map(code → n).
 * A failed call counts 0 (the map still draws). Used while /stats has no by_area.
 */
export async function perStreetCounts(streets, count, limit = 6) {
  const out = new Map()
  const queue = [...(streets || [])]
  const worker = async () => {
    while (queue.length) {
      const s = queue.shift()
      try {
        out.set(s.code, Number(await count(s.code)) || 0)
      } catch {
        out.set(s.code, 0)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, queue.length)) }, worker))
  return out
}

/** Text for ECharts' HTML tooltips. */
export function escapeHtml(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c])
}

/** The streets with the most appeals: [{code, name, count}], largest first, at most `n`. */
export function topStreets(streets, counts, n = 10) {
  return (streets || [])
    .map((s) => ({ code: s.code, name: s.name, count: (counts && counts.get(s.code)) || 0 }))
    .filter((s) => s.count > 0)
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
    .slice(0, n)
}
