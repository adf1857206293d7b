// Trees for pickers, built from the flat lists the API returns
// (units: {code,name,kind,parent}; categories: {code,name,level,parent}).

/**
 * Builds a forest of {value, label, kind, children?} from flat items with
 * `code` and `parent`. Items whose parent is missing from the list become roots;
 * input order is kept among siblings. Leaves carry no `children` key so Element
 * Plus cascaders do not show an empty next column.
 */
export function buildTree(items, extra = () => ({})) {
  const nodes = new Map()
  for (const it of items) nodes.set(it.code, { value: it.code, label: it.name, ...extra(it), children: [] })
  const roots = []
  for (const it of items) {
    const node = nodes.get(it.code)
    const parent = it.parent ? nodes.get(it.parent) : null
    if (parent && parent !== node) parent.children.push(node)
    else roots.push(node)
  }
  const prune = (n) => {
    if (n.children.length === 0) delete n.children
    else n.children.forEach(prune)
  }
  roots.forEach(prune)
  return roots
}

export function buildUnitTree(units) {
  return buildTree(units, (u) => ({ kind: u.kind }))
}

export function buildCategoryTree(categories) {
  return buildTree(categories, (c) => ({ level: c.level }))
}

/**
 * Options for an "area" cascader: district → street (→ community with
 * `{ communities: true }`), without the city root or departments.
 */
export function buildAreaOptions(units, { communities = false } = {}) {
  const areaKinds = new Set(communities ? ['district', 'street', 'community'] : ['district', 'street'])
  const kindOf = new Map(units.map((u) => [u.code, u.kind]))
  const codes = new Set(units.filter((u) => areaKinds.has(u.kind)).map((u) => u.code))
  // A street hangs under a kept district, a community under a kept street.
  const attached = (u) => u.kind === 'district' || (codes.has(u.parent) && (u.kind !== 'community' || kindOf.get(u.parent) === 'street'))
  const keep = new Set()
  for (const kind of ['district', 'street', 'community']) {
    for (const u of units) if (u.kind === kind && codes.has(u.code) && attached(u) && (kind === 'district' || keep.has(u.parent))) keep.add(u.code)
  }
  const kept = units.filter((u) => keep.has(u.code))
  return buildTree(kept.map((u) => (u.kind === 'district' ? { ...u, parent: null } : u)), (u) => ({ kind: u.kind }))
}

/** Finds the node with `value === code` in a forest; null if absent. */
export function findNode(forest, code) {
  for (const n of forest || []) {
    if (n.value === code) return n
    const hit = findNode(n.children, code)
    if (hit) return hit
  }
  return null
}

/**
 * The units a unit user may dispatch further down to: the subtree below `code`
 * (its children and their descendants, not the unit itself).
 */
export function subtreeBelow(forest, code) {
  const node = findNode(forest, code)
  return node && node.children ? node.children : []
}

/** Map code → name over a flat list, for quick lookups in tables. */
export function nameIndex(items) {
  const m = new Map()
  for (const it of items) m.set(it.code, it.name)
  return m
}

/** Codes along the path from a root to `code` (inclusive), for cascader values. */
export function pathTo(items, code) {
  const byCode = new Map(items.map((it) => [it.code, it]))
  const path = []
  let cur = byCode.get(code)
  const seen = new Set()
  while (cur && !seen.has(cur.code)) {
    seen.add(cur.code)
    path.unshift(cur.code)
    cur = cur.parent ? byCode.get(cur.parent) : null
  }
  return path
}
