import { describe, expect, it } from 'vitest'
import { canEditKb, entryBody, entryForm, kbQuery, validateEntryForm, validityText, versionChanges } from './kb.js'
import { pageOf } from './paging.js'

const entry = {
  id: 'KB-0001', question: '社保卡丢失了怎么补办？', answer: '先挂失。', public: true, active: true, version: 3,
  category: { code: '050205', name: '劳动和社会保障 / 社会保险 / 社保卡办理' }, unit: null, valid_from: null, valid_to: '2026-12-31',
}

describe('knowledge base', () => {
  it('lets only admin and supervisor edit', () => {
    expect(canEditKb('admin')).toBe(true)
    expect(canEditKb('supervisor')).toBe(true)
    expect(canEditKb('operator')).toBe(false)
  })

  it('edits the whole entry: PUT replaces it, so every field is sent', () => {
    const form = entryForm(entry)
    expect(form).toEqual({ question: '社保卡丢失了怎么补办？', answer: '先挂失。', category: '050205', unit: '', public: true, valid_from: '', valid_to: '2026-12-31' })
    form.question = '  社保卡丢了怎么办？ '
    expect(entryBody(form)).toEqual({ question: '社保卡丢了怎么办？', answer: '先挂失。', category: '050205', unit: '', public: true, valid_from: '', valid_to: '2026-12-31' })
    expect(entryForm().public).toBe(true)
  })

  it('checks the form before sending', () => {
    expect(validateEntryForm(entryForm())).toEqual({ question: 'required', answer: 'required' })
    expect(validateEntryForm({ ...entryForm(entry), valid_from: '2027-01-01' })).toEqual({ valid_to: 'beforeStart' })
    expect(validateEntryForm(entryForm(entry))).toEqual({})
  })

  it('searches by relevance (top hits at once) or pages through the list', () => {
    expect(kbQuery({ q: ' 社保卡 ', category: '05', page: 3 })).toEqual({ q: '社保卡', category: '05', per_page: 100 })
    expect(kbQuery({ q: '', category: '', includeWithdrawn: true, page: 2, perPage: 50 })).toEqual({ include_withdrawn: 1, page: 2, per_page: 50 })
    expect(pageOf([1, 2, 3, 4, 5], 2, 2)).toEqual([3, 4])
  })

  it('says what changed between versions', () => {
    expect(versionChanges(null, entry)).toEqual(['created'])
    expect(versionChanges(entry, { ...entry, answer: '新答案', category: { code: '0502' } })).toEqual(['answer', 'category'])
    expect(versionChanges(entry, { ...entry, active: false })).toEqual(['active'])
  })

  it('writes the validity period', () => {
    expect(validityText(entry)).toBe('至 2026-12-31')
    expect(validityText({ valid_from: '2026-01-01', valid_to: '2026-12-31' })).toBe('2026-01-01 ~ 2026-12-31')
    expect(validityText({ valid_from: '2026-01-01' }, { since: 'onwards' })).toBe('2026-01-01 onwards')
    expect(validityText({})).toBe('')
  })
})
