import { describe, expect, it } from 'vitest'
import { phrasesFor } from './phrases.js'
import { messages } from '../i18n/index.js'

describe('常用语', () => {
  it('offers phrases for the reply, the return and sending a reply back', () => {
    for (const c of ['reply', 'return', 'reject-reply']) expect(phrasesFor(c).length, c).toBeGreaterThan(2)
    expect(phrasesFor('reply')).toContain('经核实，')
  })
  it('offers none where none are written', () => {
    expect(phrasesFor('sign')).toEqual([])
    expect(phrasesFor('teleport')).toEqual([])
  })
  it('follow the UI language, with the same commands in every locale', () => {
    expect(phrasesFor('reply', 'en')[0]).toMatch(/^[A-Z]/)
    expect(Object.keys(messages.en.phrases).sort()).toEqual(Object.keys(messages['zh-CN'].phrases).sort())
  })
})
