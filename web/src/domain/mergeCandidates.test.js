import { describe, expect, it } from 'vitest'
import { STATES } from './labels.js'
import { canBeMainTicket, isCandidateChosen, mergeCandidates } from './mergeCandidates.js'

const rel = (id, relation, state = 'to_dispatch', created_at = '2026-11-20T09:00:00+08:00') => ({
  id, number: `LC20261120${String(id).padStart(6, '0')}`, state, created_at, content: `诉求 ${id}`, relation,
})

describe('canBeMainTicket (the server\'s CheckMergeTarget)', () => {
  it('takes an open ticket of the same caller or a similar one', () => {
    expect(canBeMainTicket(rel(7, 'same_caller', 'triage'), 9)).toBe(true)
    expect(canBeMainTicket(rel(7, 'similar', 'in_progress'), 9)).toBe(true)
  })

  it('refuses the ticket itself, whether its id comes as a number or a string', () => {
    expect(canBeMainTicket(rel(9, 'same_caller'), 9)).toBe(false)
    expect(canBeMainTicket(rel(9, 'same_caller'), '9')).toBe(false)
  })

  it('refuses merged and finished tickets, and the open states all pass', () => {
    const open = STATES.filter((s) => canBeMainTicket(rel(7, 'similar', s), 9))
    expect(open).toEqual(['triage', 'to_dispatch', 'joint_review', 'dispatched', 'in_progress', 'replied', 'to_callback', 'unsatisfied'])
    for (const s of ['merged', 'closed', 'answered_directly', 'out_of_scope', 'transferred'])
      expect(canBeMainTicket(rel(7, 'same_caller', s), 9), s).toBe(false)
  })

  it('refuses the tickets already merged with this one (its main ticket or its sub-tickets: a cycle)', () => {
    expect(canBeMainTicket(rel(7, 'merged', 'in_progress'), 9)).toBe(false)
  })

  it('refuses what is not a related ticket', () => {
    expect(canBeMainTicket(null, 9)).toBe(false)
    expect(canBeMainTicket({ relation: 'similar', state: 'triage' }, 9)).toBe(false)
    expect(canBeMainTicket(rel(7, 'unknown_relation'), 9)).toBe(false)
  })
})

describe('mergeCandidates', () => {
  it('lists the same caller\'s first, then similar ones, newest first within each', () => {
    const items = [
      rel(1, 'similar', 'dispatched', '2026-11-10T09:00:00+08:00'),
      rel(2, 'same_caller', 'closed', '2026-11-21T09:00:00+08:00'),
      rel(3, 'similar', 'triage', '2026-11-19T09:00:00+08:00'),
      rel(4, 'same_caller', 'to_dispatch', '2026-11-01T09:00:00+08:00'),
      rel(5, 'merged', 'merged', '2026-11-22T09:00:00+08:00'),
      rel(6, 'same_caller', 'in_progress', '2026-11-18T09:00:00+08:00'),
      rel(9, 'same_caller', 'triage'),
    ]
    expect(mergeCandidates(items, 9).map((c) => c.id)).toEqual([6, 4, 3, 1])
  })

  it('lists a ticket once, under the first reason given', () => {
    expect(mergeCandidates([rel(4, 'same_caller'), rel(4, 'similar')], 9).map((c) => c.relation)).toEqual(['same_caller'])
  })

  it('is empty for no related tickets', () => {
    expect(mergeCandidates(undefined, 9)).toEqual([])
    expect(mergeCandidates([rel(5, 'merged', 'merged')], 9)).toEqual([])
  })
})

describe('isCandidateChosen', () => {
  const c = rel(42, 'same_caller')
  it('matches the number in any case and with spaces, or the id', () => {
    expect(isCandidateChosen(c, 'LC20261120000042')).toBe(true)
    expect(isCandidateChosen(c, ' lc20261120000042 ')).toBe(true)
    expect(isCandidateChosen(c, '42')).toBe(true)
  })

  it('does not match another ticket or nothing', () => {
    expect(isCandidateChosen(c, 'LC20261120000043')).toBe(false)
    expect(isCandidateChosen(c, '43')).toBe(false)
    expect(isCandidateChosen(c, '')).toBe(false)
    expect(isCandidateChosen(c, undefined)).toBe(false)
  })
})
