import { describe, expect, it } from 'vitest'
import { QUEUE_SHORTCUTS, isTyping, queueKeyAction } from './queueKeys.js'

const press = (key, extra = {}) => ({ key, target: { tagName: 'BODY' }, ...extra })

describe('queue shortcuts', () => {
  it('moves the selection down and up within the rows', () => {
    expect(queueKeyAction(press('j'), { index: -1, count: 3 })).toEqual({ type: 'move', index: 0 })
    expect(queueKeyAction(press('j'), { index: 0, count: 3 })).toEqual({ type: 'move', index: 1 })
    expect(queueKeyAction(press('ArrowDown'), { index: 2, count: 3 })).toEqual({ type: 'move', index: 2 })
    expect(queueKeyAction(press('k'), { index: 2, count: 3 })).toEqual({ type: 'move', index: 1 })
    expect(queueKeyAction(press('ArrowUp'), { index: 0, count: 3 })).toEqual({ type: 'move', index: 0 })
    expect(queueKeyAction(press('k'), { index: -1, count: 3 })).toEqual({ type: 'move', index: 0 })
    // A selection left over from a longer page starts again at the top.
    expect(queueKeyAction(press('j'), { index: 7, count: 3 })).toEqual({ type: 'move', index: 0 })
  })
  it('opens and acts on the selected row only', () => {
    expect(queueKeyAction(press('Enter'), { index: 1, count: 3 })).toEqual({ type: 'open', index: 1 })
    expect(queueKeyAction(press('a'), { index: 1, count: 3 })).toEqual({ type: 'act', index: 1 })
    expect(queueKeyAction(press('Enter'), { index: -1, count: 3 })).toBeNull()
    expect(queueKeyAction(press('a'), { index: -1, count: 3 })).toBeNull()
    // Enter on a focused button or link belongs to that control.
    expect(queueKeyAction(press('Enter', { target: { tagName: 'BUTTON' } }), { index: 1, count: 3 })).toBeNull()
    expect(queueKeyAction(press('Enter', { target: { tagName: 'A' } }), { index: 1, count: 3 })).toBeNull()
  })
  it('has nothing to do in an empty queue but the help', () => {
    expect(queueKeyAction(press('j'), { index: -1, count: 0 })).toBeNull()
    expect(queueKeyAction(press('?'), { index: -1, count: 0 })).toEqual({ type: 'help' })
  })
  it('leaves typing in fields and modified keys alone', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT', 'input']) {
      expect(queueKeyAction(press('j', { target: { tagName } }), { index: 0, count: 3 })).toBeNull()
      expect(queueKeyAction(press('?', { target: { tagName } }), { index: 0, count: 3 })).toBeNull()
    }
    expect(queueKeyAction(press('j', { target: { tagName: 'DIV', isContentEditable: true } }), { index: 0, count: 3 })).toBeNull()
    expect(queueKeyAction(press('j', { ctrlKey: true }), { index: 0, count: 3 })).toBeNull()
    expect(queueKeyAction(press('Enter', { metaKey: true }), { index: 0, count: 3 })).toBeNull()
    expect(queueKeyAction(press('a', { altKey: true }), { index: 0, count: 3 })).toBeNull()
    expect(queueKeyAction(press('j', { isComposing: true }), { index: 0, count: 3 })).toBeNull()
    expect(queueKeyAction(press('x'), { index: 0, count: 3 })).toBeNull()
    expect(queueKeyAction(null)).toBeNull()
  })
  it('knows typing targets', () => {
    expect(isTyping({ tagName: 'INPUT' })).toBe(true)
    expect(isTyping({ tagName: 'BUTTON' })).toBe(false)
    expect(isTyping(null)).toBe(false)
  })
  it('lists every key it handles in the help', () => {
    expect(QUEUE_SHORTCUTS.map((s) => s.does)).toEqual(['down', 'up', 'open', 'act', 'help'])
  })
})
