import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { i18n } from '../../i18n/index.js'
import DeadlineChips from './DeadlineChips.vue'

const now = Date.parse('2026-12-01T12:00:00+08:00')
const TICKET = {
  dispatched_at: '2026-12-01T09:00:00+08:00',
  due_at: '2026-12-08T18:00:00+08:00',
  deadlines: [
    { kind: 'sign', due_at: '2026-12-01T10:00:00+08:00', state: 'met', met_at: '2026-12-01T09:20:00+08:00' },
    { kind: 'contact', due_at: '2026-12-01T11:00:00+08:00', state: 'overdue', met_at: null },
    { kind: 'reply', due_at: '2026-12-01T13:00:00+08:00', state: 'pending', met_at: null },
    { kind: 'handle', due_at: '2026-12-08T18:00:00+08:00', state: 'pending', met_at: null },
    { kind: 'callback', due_at: null, state: 'pending', met_at: null },
  ],
}
const chipsOf = (props) => mount(DeadlineChips, { props: { now, ...props }, global: { plugins: [i18n] } })

describe('DeadlineChips', () => {
  it('shows every deadline with its words and colour, the due time in the tooltip', () => {
    const w = chipsOf({ ticket: TICKET })
    const tags = w.findAll('[data-test^="deadline-"].el-tag')
    expect(tags.map((t) => t.attributes('data-test'))).toEqual([
      'deadline-sign', 'deadline-contact', 'deadline-reply', 'deadline-handle', 'deadline-callback',
    ])
    expect(tags.map((t) => t.attributes('data-severity'))).toEqual(['success', 'danger', 'warning', 'primary', 'info'])
    const contact = w.find('[data-test="deadline-contact"]')
    expect(contact.text()).toContain('联系诉求人')
    expect(contact.text()).toContain('已超 1 小时')
    expect(contact.classes()).toContain('el-tag--danger')
    expect(contact.attributes('title')).toBe('时限 2026-12-01 11:00')
    expect(w.find('[data-test="deadline-sign"]').text()).toContain('按时完成')
    expect(w.find('[data-test="deadline-callback"]').text()).toContain('未开始')
  })

  it('shows only the deadline due next in a queue row', () => {
    const w = chipsOf({ ticket: TICKET, next: true })
    expect(w.find('[data-test="deadline-next"]').exists()).toBe(true)
    const tags = w.findAll('.el-tag')
    expect(tags).toHaveLength(1)
    expect(tags[0].attributes('data-test')).toBe('deadline-contact') // overdue: the earliest still running
    expect(tags[0].text()).toBe('联系诉求人已超 1 小时')
  })

  it('shows nothing before the first dispatch, or when nothing is still running (next)', () => {
    expect(chipsOf({ ticket: { deadlines: [] } }).find('.el-tag').exists()).toBe(false)
    expect(chipsOf({ ticket: {} }).html()).not.toContain('el-tag')
    const done = { deadlines: [{ kind: 'handle', due_at: '2026-12-01T10:00:00+08:00', state: 'met', met_at: '2026-12-01T09:00:00+08:00' }] }
    expect(chipsOf({ ticket: done, next: true }).find('.el-tag').exists()).toBe(false)
    expect(chipsOf({ ticket: done }).find('[data-test="deadline-handle"]').exists()).toBe(true)
  })
})
