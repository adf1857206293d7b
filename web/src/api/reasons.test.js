import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { messages } from '../i18n/index.js'
import { GENERIC_REASONS, REASONS } from './reasons.js'

// The ErrorReason enum of the API description the server is checked against (reasons_test.cc).
function documentedReasons() {
  const yaml = readFileSync(resolve(process.cwd(), '../docs/openapi.yaml'), 'utf8') // tests run in web/
  const lines = yaml.split('\n')
  const start = lines.indexOf('    ErrorReason:')
  const out = []
  let inEnum = false
  for (const line of lines.slice(start + 1)) {
    if (/^ {4}\S/.test(line)) break // the next schema
    if (line === '      enum:') inEnum = true
    else if (inEnum) {
      const m = /^ {8}- ([a-z_]+)$/.exec(line)
      if (m) out.push(m[1])
    }
  }
  return out
}

describe('error reasons', () => {
  it('are the ones docs/openapi.yaml documents', () => {
    expect(documentedReasons()).toEqual(REASONS)
    for (const r of GENERIC_REASONS) expect(REASONS).toContain(r)
  })

  it('each have words in every locale', () => {
    for (const locale of ['zh-CN', 'en']) {
      for (const reason of REASONS) {
        const text = messages[locale].error.reason[reason]
        expect(typeof text, `${locale} ${reason}`).toBe('string')
        expect(text.trim(), `${locale} ${reason}`).not.toBe('')
      }
      expect(Object.keys(messages[locale].error.reason).sort()).toEqual([...REASONS].sort())
    }
  })
})
