// A small city map for tests (GET /api/v1/public/map's shape).
// Two districts side by side; district 1 holds two streets, district 2 one street
// with a hole (a lake) in it. Squares in [lon, lat].
const square = (x0, y0, x1, y1) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
export const GEO = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { code: 'LC-D01-S01', name: '东华街道', kind: 'street', district: 'LC-D01' }, geometry: { type: 'Polygon', coordinates: [square(116.0, 28.0, 116.1, 28.1)] } },
    { type: 'Feature', properties: { code: 'LC-D01-S02', name: '东湖街道', kind: 'street', district: 'LC-D01' }, geometry: { type: 'MultiPolygon', coordinates: [[square(116.1, 28.0, 116.2, 28.1)], [square(116.3, 28.3, 116.35, 28.35)]] } },
    { type: 'Feature', properties: { code: 'LC-D02-S01', name: '西湖街道', kind: 'street', district: 'LC-D02' }, geometry: { type: 'Polygon', coordinates: [square(116.5, 28.0, 116.7, 28.2), square(116.55, 28.05, 116.6, 28.1)] } },
    { type: 'Feature', properties: { code: 'LC-D01', name: '东城区', kind: 'district', district: 'LC-D01' }, geometry: { type: 'Polygon', coordinates: [square(115.9, 27.9, 116.4, 28.4)] } },
    { type: 'Feature', properties: { code: 'LC-D02', name: '西湖区', kind: 'district', district: 'LC-D02' }, geometry: { type: 'Polygon', coordinates: [square(116.4, 27.9, 116.8, 28.4)] } },
  ],
}
