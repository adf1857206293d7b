import { describe, expect, it } from 'vitest'
import { buildAreaOptions, buildCategoryTree, buildUnitTree, findNode, nameIndex, pathTo, subtreeBelow } from './tree.js'

const units = [
  { code: 'LC', name: '临川市', kind: 'city', parent: null },
  { code: 'LC-D01', name: '东城区', kind: 'district', parent: 'LC' },
  { code: 'LC-D02', name: '西湖区', kind: 'district', parent: 'LC' },
  { code: 'LC-D01-S01', name: '东华街道', kind: 'street', parent: 'LC-D01' },
  { code: 'LC-D01-S01-C01', name: '幸福里社区', kind: 'community', parent: 'LC-D01-S01' },
  { code: 'LC-D02-S01', name: '湖滨街道', kind: 'street', parent: 'LC-D02' },
  { code: 'LC-CG', name: '市城市管理局', kind: 'department', parent: 'LC' },
]

describe('buildUnitTree', () => {
  it('nests units under their parents, keeping order', () => {
    const tree = buildUnitTree(units)
    expect(tree).toHaveLength(1)
    expect(tree[0].value).toBe('LC')
    expect(tree[0].children.map((n) => n.value)).toEqual(['LC-D01', 'LC-D02', 'LC-CG'])
    expect(findNode(tree, 'LC-D01-S01').children[0].label).toBe('幸福里社区')
  })

  it('leaves no empty children arrays (cascader leaves)', () => {
    const tree = buildUnitTree(units)
    expect(findNode(tree, 'LC-CG')).not.toHaveProperty('children')
    expect(findNode(tree, 'LC-D01-S01-C01')).not.toHaveProperty('children')
  })

  it('makes orphans roots instead of losing them', () => {
    const tree = buildUnitTree([{ code: 'X', name: 'x', kind: 'street', parent: 'GONE' }])
    expect(tree.map((n) => n.value)).toEqual(['X'])
  })

  it('does not depend on parents coming first', () => {
    const tree = buildUnitTree([...units].reverse())
    expect(tree).toHaveLength(1)
    expect(findNode(tree, 'LC-D02-S01')).toBeTruthy()
  })
})

describe('buildAreaOptions', () => {
  it('is district → street only', () => {
    const opts = buildAreaOptions(units)
    expect(opts.map((n) => n.value)).toEqual(['LC-D01', 'LC-D02'])
    expect(opts[0].children.map((n) => n.value)).toEqual(['LC-D01-S01'])
    expect(opts[0].children[0]).not.toHaveProperty('children')
  })
  it('goes down to communities when asked (the portal, the intake desk)', () => {
    const opts = buildAreaOptions(units, { communities: true })
    expect(opts.map((n) => n.value)).toEqual(['LC-D01', 'LC-D02'])
    expect(opts[0].children[0].children.map((n) => n.value)).toEqual(['LC-D01-S01-C01'])
    expect(opts[1].children[0]).not.toHaveProperty('children')
  })
})

describe('subtreeBelow', () => {
  it('lists only the units under a unit, for dispatching further down', () => {
    const tree = buildUnitTree(units)
    expect(subtreeBelow(tree, 'LC-D01-S01').map((n) => n.value)).toEqual(['LC-D01-S01-C01'])
    expect(subtreeBelow(tree, 'LC-D01-S01-C01')).toEqual([])
    expect(subtreeBelow(tree, 'NOPE')).toEqual([])
  })
})

describe('categories', () => {
  const cats = [
    { code: '01', name: '城乡建设', level: 1, parent: null },
    { code: '0101', name: '房屋安全与改造', level: 2, parent: '01' },
    { code: '010101', name: '房屋质量问题', level: 3, parent: '0101' },
  ]
  it('builds the 3-level taxonomy', () => {
    const tree = buildCategoryTree(cats)
    expect(tree[0].children[0].children[0]).toMatchObject({ value: '010101', label: '房屋质量问题', level: 3 })
  })
  it('finds names and paths', () => {
    expect(nameIndex(cats).get('0101')).toBe('房屋安全与改造')
    expect(pathTo(cats, '010101')).toEqual(['01', '0101', '010101'])
    expect(pathTo(cats, 'nope')).toEqual([])
  })
})
