// Search highlights from the server ("<em>社</em><em>保</em>卡…", HTML-escaped
// text with the matched parts in <em>) turned into plain segments that a template
// renders as text: nothing from the server ever reaches v-html. Only <em> is
// understood; every other tag is dropped (with the whole content of <script>,
// <style> and the like), entities are decoded once, and the result is text.

const DROP_WITH_CONTENT = ['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'textarea', 'title', 'xmp']
const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…' }

/** Decodes the entities an HTML-escaped snippet may carry (&lt; &#39; &#x4e2d; …), once. */
export function decodeEntities(text) {
  return String(text).replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
    }
    const known = NAMED[name.toLowerCase()]
    return known !== undefined ? known : whole
  })
}

/**
 * Segments of a highlighted string: [{ text, em }], adjacent pieces of the same
 * kind merged (the server marks CJK matches one character at a time).
 */
export function highlightSegments(html) {
  if (html === null || html === undefined) return []
  let s = String(html)
  // Elements whose content is never text to show: drop them whole (also when unclosed).
  for (const tag of DROP_WITH_CONTENT) {
    s = s.replace(new RegExp(`<${tag}\\b[^>]*>[\\s\\S]*?(?:<\\/${tag}\\s*>|$)`, 'gi'), '')
  }
  s = s.replace(/<!--[\s\S]*?(?:-->|$)/g, '')

  const segments = []
  const push = (text, em) => {
    if (!text) return
    const last = segments[segments.length - 1]
    if (last && last.em === em) last.text += text
    else segments.push({ text, em })
  }
  let depth = 0
  // A tag: <name …> or </name>; a lone "<" that does not start a tag stays text.
  const tagRe = /<\/?([a-z][a-z0-9-]*)\b[^>]*>/gi
  let at = 0
  let m
  while ((m = tagRe.exec(s))) {
    push(decodeEntities(s.slice(at, m.index)), depth > 0)
    at = m.index + m[0].length
    if (m[1].toLowerCase() === 'em') {
      if (m[0][1] === '/') depth = Math.max(0, depth - 1)
      else depth += 1
    }
    // any other tag: dropped, its text kept
  }
  push(decodeEntities(s.slice(at)), depth > 0)
  return segments
}

/** The highlight as plain text (for titles and tooltips). */
export function highlightText(html) {
  return highlightSegments(html).map((x) => x.text).join('')
}

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c])

/** The same, as an HTML string in which <em> is the only element (everything else escaped). */
export function safeHighlightHtml(html) {
  return highlightSegments(html)
    .map((x) => (x.em ? `<em>${escapeHtml(x.text)}</em>` : escapeHtml(x.text)))
    .join('')
}

/**
 * Segments of plain `text` with every occurrence of any keyword marked ({ text, em }),
 * for the ticket search (issue 9: several keywords, each highlighted). Latin letters
 * match regardless of case; the longest keyword wins where two overlap.
 */
export function keywordSegments(text, keywords) {
  const s = text === null || text === undefined ? '' : String(text)
  const words = [...new Set((keywords || []).filter((k) => k))].sort((a, b) => b.length - a.length)
  if (!s || !words.length) return s ? [{ text: s, em: false }] : []
  // ASCII only: the same length, so indexes into `hay` are indexes into `s`.
  const lower = (x) => x.replace(/[A-Z]/g, (c) => c.toLowerCase())
  const hay = lower(s)
  const needles = words.map(lower)
  const segments = []
  const push = (piece, em) => {
    if (!piece) return
    const last = segments[segments.length - 1]
    if (last && last.em === em) last.text += piece
    else segments.push({ text: piece, em })
  }
  let i = 0
  let plainFrom = 0
  while (i < s.length) {
    const hit = needles.find((k) => hay.startsWith(k, i))
    if (hit) {
      push(s.slice(plainFrom, i), false)
      push(s.slice(i, i + hit.length), true)
      i += hit.length
      plainFrom = i
    } else {
      i += 1
    }
  }
  push(s.slice(plainFrom), false)
  return segments
}
