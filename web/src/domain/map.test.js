import { createSymbol } from 'echarts/lib/util/symbol.js'
import { describe, expect, it } from 'vitest'
import {
  PIN_MARKER, aspectFor, featuresOfKind, districtOnlyList, escapeHtml, hasMapData, inGeometry, mapBounds, mapFeatures, perStreetCounts, placeAt,
  pointToLocation, rollUpAreas, rollUpFromStreets, scaleMax, streetSeriesData, topStreets,
} from './map.js'
import { GEO } from '../test-support/cityMap.js'

const UNITS = [
  { code: 'LC', kind: 'city', parent: null },
  { code: 'LC-D01', kind: 'district', parent: 'LC' },
  { code: 'LC-D01-S01', kind: 'street', parent: 'LC-D01' },
  { code: 'LC-D01-S01-C01', kind: 'community', parent: 'LC-D01-S01' },
  { code: 'LC-D01-S02', kind: 'street', parent: 'LC-D01' },
  { code: 'LC-D01-S09', kind: 'street', parent: 'LC-D01' }, // a street the map does not draw
  { code: 'LC-D02', kind: 'district', parent: 'LC' },
  { code: 'LC-D02-S01', kind: 'street', parent: 'LC-D02' },
  { code: 'LC-CG', kind: 'department', parent: 'LC' },
]
const STREETS = ['LC-D01-S01', 'LC-D01-S02', 'LC-D02-S01']

describe('map features', () => {
  it('splits the map into streets and districts and finds its bounds', () => {
    const { streets, districts } = mapFeatures(GEO)
    expect(streets.map((s) => s.code)).toEqual(STREETS)
    expect(streets[0]).toEqual({ code: 'LC-D01-S01', name: '东华街道', district: 'LC-D01' })
    expect(districts.map((d) => d.name)).toEqual(['东城区', '西湖区'])
    expect(hasMapData(GEO)).toBe(true)
    expect(hasMapData({ type: 'FeatureCollection', features: [] })).toBe(false)
    expect(hasMapData(null)).toBe(false)
    expect(mapBounds(GEO)).toEqual([[115.9, 28.4], [116.8, 27.9]])
    expect(mapBounds({ features: [] })).toBeNull()
    expect(aspectFor(mapBounds(GEO))).toBe(0.882) // cos 28.15°
    expect(aspectFor(null)).toBe(0.75)
    expect(featuresOfKind(GEO, 'district').features.map((f) => f.properties.code)).toEqual(['LC-D01', 'LC-D02'])
  })
})

describe('area roll-up for the map', () => {
  it('counts communities for their street, district-level areas apart, the rest as unlocated', () => {
    const r = rollUpAreas(
      { 'LC-D01-S01': 4, 'LC-D01-S01-C01': 3, 'LC-D01-S02': 1, 'LC-D01': 2, 'LC-D01-S09': 5, 'LC-D02-S01': 6, LC: 1, '': 7, 'LC-X': 2, 'LC-D02': 0 },
      UNITS,
      STREETS,
    )
    expect([...r.streets]).toEqual([['LC-D01-S01', 7], ['LC-D01-S02', 1], ['LC-D02-S01', 6]])
    expect([...r.districtOnly]).toEqual([['LC-D01', 7]]) // the district itself + a street not on the map
    expect(r.unlocated).toBe(10) // the city, "" and an unknown code
    expect(r.total).toBe(31)
  })

  it('takes by_area as a ranked list too, and survives a unit list that lacks a street', () => {
    const r = rollUpAreas([{ code: 'LC-D02-S01', count: 2 }, { code: 'LC-D01-S01-C01', count: 1 }], [], STREETS)
    expect([...r.streets]).toEqual([['LC-D02-S01', 2]])
    expect(r.unlocated).toBe(1)
  })

  it('derives district-only counts from per-street counts and by_district', async () => {
    const calls = []
    const perStreet = await perStreetCounts(mapFeatures(GEO).streets, async (code) => {
      calls.push(code)
      if (code === 'LC-D01-S02') throw new Error('boom')
      return { 'LC-D01-S01': 7, 'LC-D02-S01': 6 }[code]
    }, 2)
    expect(calls.sort()).toEqual([...STREETS].sort())
    expect([...perStreet.entries()].sort()).toEqual([['LC-D01-S01', 7], ['LC-D01-S02', 0], ['LC-D02-S01', 6]])
    const r = rollUpFromStreets(
      perStreet,
      [{ code: 'LC-D01', count: 10 }, { code: 'LC-D02', count: 6 }, { code: '', count: 4 }],
      mapFeatures(GEO).streets,
      ['LC-D01', 'LC-D02'],
    )
    expect([...r.streets]).toEqual([['LC-D01-S01', 7], ['LC-D02-S01', 6]])
    expect([...r.districtOnly]).toEqual([['LC-D01', 3]])
    expect(r.unlocated).toBe(4)
    expect(r.total).toBe(20)
  })

  it('gives every street a value, a scale of at least 1, and ranked lists', () => {
    const counts = new Map([['LC-D02-S01', 6], ['LC-D01-S01', 7]])
    const { streets } = mapFeatures(GEO)
    expect(streetSeriesData(streets, counts)).toEqual([
      { name: 'LC-D01-S01', value: 7 }, { name: 'LC-D01-S02', value: 0 }, { name: 'LC-D02-S01', value: 6 },
    ])
    expect(scaleMax(counts)).toBe(7)
    expect(scaleMax(new Map())).toBe(1)
    expect(topStreets(streets, counts, 1)).toEqual([{ code: 'LC-D01-S01', name: '东华街道', count: 7 }])
    const names = { 'LC-D01': '东城区', 'LC-D02': '西湖区' }
    expect(districtOnlyList(new Map([['LC-D02', 1], ['LC-D01', 3], ['LC-D03', 0]]), (c) => names[c])).toEqual([
      { code: 'LC-D01', name: '东城区', count: 3 }, { code: 'LC-D02', name: '西湖区', count: 1 },
    ])
    expect(escapeHtml('<b>"东"&\'</b>')).toBe('&lt;b&gt;&quot;东&quot;&amp;&#39;&lt;/b&gt;')
  })
})

describe('map click → place and location', () => {
  it('finds the street under a point, else the district, else nothing', () => {
    expect(placeAt(GEO, [116.05, 28.05])).toEqual({ code: 'LC-D01-S01', name: '东华街道', kind: 'street', district: 'LC-D01' })
    expect(placeAt(GEO, [116.32, 28.32]).code).toBe('LC-D01-S02') // the second part of a MultiPolygon
    expect(placeAt(GEO, [116.25, 28.05])).toMatchObject({ code: 'LC-D01', kind: 'district' }) // between streets
    expect(placeAt(GEO, [116.575, 28.075])).toMatchObject({ code: 'LC-D02', kind: 'district' }) // in the street's hole
    expect(placeAt(GEO, [116.65, 28.15]).code).toBe('LC-D02-S01')
    expect(placeAt(GEO, [117, 28])).toBeNull()
    expect(placeAt(GEO, [NaN, 28])).toBeNull()
    expect(placeAt(null, [116.05, 28.05])).toBeNull()
    expect(inGeometry([0, 0], { type: 'Point', coordinates: [0, 0] })).toBe(false)
  })

  it('turns the clicked [lon, lat] into the appeal\'s {lat, lon}, to about a metre', () => {
    expect(pointToLocation([116.3512345678, 27.9512344])).toEqual({ lat: 27.951234, lon: 116.351235 })
  })
})

describe('PIN_MARKER', () => {
  // Where the pin's tip falls relative to the data point, in pixels, as ECharts draws it:
  // the symbol path is built in a 2×2 box around the anchor and scaled to symbolSize.
  function tipOffset(marker) {
    const size = marker.symbolSize
    const shape = createSymbol(marker.symbol, -1, -1, 2, 2)
    const box = shape.getBoundingRect()
    const [ox, oy] = (marker.symbolOffset || [0, 0]).map((o) => (typeof o === 'string' ? (parseFloat(o) / 100) * size : o))
    return [ox + (box.x + box.width / 2) * (size / 2), oy + (box.y + box.height) * (size / 2)]
  }

  it('puts the tip (bottom centre) on the chosen point', () => {
    const [dx, dy] = tipOffset(PIN_MARKER)
    expect(Math.abs(dx)).toBeLessThan(0.5)
    expect(Math.abs(dy)).toBeLessThan(0.5)
    // The old offset lifted the tip 16 px above the point.
    expect(tipOffset({ ...PIN_MARKER, symbolOffset: [0, '-45%'] })[1]).toBeLessThan(-15)
  })
})
