import { describe, expect, it } from 'vitest'
import { decodeEntities, highlightSegments, highlightText, keywordSegments, safeHighlightHtml } from './highlight.js'
import { searchKeywords } from './search.js'

describe('highlightSegments', () => {
  it('marks the <em> parts and merges the one-character runs the server sends', () => {
    expect(highlightSegments('<em>社</em><em>保</em><em>卡</em>丢失了怎么<em>补</em><em>办</em>…')).toEqual([
      { text: '社保卡', em: true },
      { text: '丢失了怎么', em: false },
      { text: '补办', em: true },
      { text: '…', em: false },
    ])
  })

  it('drops <script> and its content, and every other tag, keeping only text', () => {
    const segs = highlightSegments('<script>alert(1)</script><em>楼</em>上<img src=x onerror="alert(2)"><b>噪音</b><style>*{}</style>')
    expect(segs).toEqual([{ text: '楼', em: true }, { text: '上噪音', em: false }])
    expect(highlightText('a<SCRIPT type="x">steal()</SCRIPT>b<script>never closed')).toBe('ab')
    expect(highlightText('<iframe src="//evil"></iframe><!-- c -->ok')).toBe('ok')
  })

  it('decodes escaped text once, so escaped markup shows as harmless text', () => {
    expect(highlightSegments('&lt;script&gt;x&lt;/script&gt; <em>A&amp;B</em>')).toEqual([
      { text: '<script>x</script> ', em: false },
      { text: 'A&B', em: true },
    ])
    expect(decodeEntities('&amp;lt; &#20013;&#x6587; &bogus;')).toBe('&lt; 中文 &bogus;')
  })

  it('treats attributes on <em> and unbalanced tags sanely', () => {
    expect(highlightSegments('<em onclick="x()">火</em>灾</em>')).toEqual([{ text: '火', em: true }, { text: '灾', em: false }])
    expect(highlightSegments('<em>未闭合')).toEqual([{ text: '未闭合', em: true }])
    expect(highlightSegments('1 < 2 and 3 > 2')).toEqual([{ text: '1 < 2 and 3 > 2', em: false }])
    expect(highlightSegments(null)).toEqual([])
  })
})

describe('safeHighlightHtml', () => {
  it('keeps <em> as the only element and escapes everything else', () => {
    const html = safeHighlightHtml('<em>社保</em>卡 <script>alert("x")</script>&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toBe('<em>社保</em>卡 &lt;img src=x onerror=alert(1)&gt;')
    const div = document.createElement('div')
    div.innerHTML = html
    expect([...div.querySelectorAll('*')].map((e) => e.tagName)).toEqual(['EM'])
  })
})

describe('keywordSegments (ticket search, issue 9)', () => {
  it('marks every keyword, each occurrence', () => {
    expect(keywordSegments('幸福里小区暖气不热，幸福里3栋', ['幸福里', '暖气'])).toEqual([
      { text: '幸福里', em: true },
      { text: '小区', em: false },
      { text: '暖气', em: true },
      { text: '不热，', em: false },
      { text: '幸福里', em: true },
      { text: '3栋', em: false },
    ])
  })
  it('ignores the case of Latin letters and prefers the longest keyword', () => {
    expect(keywordSegments('ABC公司', ['abc'])).toEqual([{ text: 'ABC', em: true }, { text: '公司', em: false }])
    expect(keywordSegments('暖气管', ['暖', '暖气管'])).toEqual([{ text: '暖气管', em: true }])
  })
  it('returns the text unmarked without keywords, and nothing for empty text', () => {
    expect(keywordSegments('暖气', [])).toEqual([{ text: '暖气', em: false }])
    expect(keywordSegments('', ['暖气'])).toEqual([])
    expect(keywordSegments(null, ['暖气'])).toEqual([])
  })
})

describe('searchKeywords', () => {
  it('splits on any white space, the ideographic space too', () => {
    expect(searchKeywords(' 幸福里\u3000暖气  不热 ')).toEqual(['幸福里', '暖气', '不热'])
  })
  it('has none for a ticket number or an empty box', () => {
    expect(searchKeywords('LC2026000123')).toEqual([])
    expect(searchKeywords('  ')).toEqual([])
  })
})
