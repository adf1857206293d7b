import { describe, expect, it } from 'vitest'
import { exportFileName, exportPath, isMonth, ledgerQuery, ledgerRows, monthOf, previousMonth, rateText } from './ledger.js'
import { label } from './labels.js'

const zh = (table, key) => label(table, key, 'zh-CN')

describe('动态清零台账', () => {
  it('takes the month in the hotline time, not the browser’s', () => {
    // 2026-11-30 16:30 UTC is already 1 December in Beijing.
    expect(monthOf(new Date(Date.UTC(2026, 10, 30, 16, 30)))).toBe('2026-12')
    expect(monthOf(new Date(Date.UTC(2026, 10, 30, 15, 59)))).toBe('2026-11')
    expect(previousMonth('2026-01')).toBe('2025-12')
    expect(previousMonth('2026-11')).toBe('2026-10')
    expect(isMonth('2026-11')).toBe(true)
    for (const bad of ['2026-13', '2026-1', '26-11', '', null, '2026-11-01']) expect(isMonth(bad)).toBe(false)
  })

  it('builds the query: filters only when set, paging only for a page, format only for an export', () => {
    expect(ledgerQuery({ month: '2026-11' })).toEqual({ month: '2026-11', page: 1, per_page: 20 })
    expect(ledgerQuery({ month: '2026-11', unit: 'LC-D01', cleared: 'no', page: 3, perPage: 50 })).toEqual({
      month: '2026-11',
      unit: 'LC-D01',
      cleared: 'no',
      page: 3,
      per_page: 50,
    })
    expect(ledgerQuery({ month: '2026-11', cleared: 'maybe', page: 2 }, 'xlsx')).toEqual({ month: '2026-11', format: 'xlsx' })
    expect(exportPath({ month: '2026-11', cleared: 'yes', page: 4 }, 'csv')).toBe('/ledger?month=2026-11&cleared=yes&format=csv')
  })

  it('words the rate, and no rate for an empty month', () => {
    expect(rateText(2 / 3, 3)).toBe('66.7%')
    expect(rateText(1, 5)).toBe('100.0%')
    expect(rateText(0, 4)).toBe('0.0%')
    expect(rateText(0, 0)).toBe('—')
  })

  it('shows each row with its owner, outcome and how it was cleared', () => {
    const rows = ledgerRows(
      [
        {
          id: 7,
          number: 'LC20261103000007',
          content: '路灯不亮',
          lead_unit: 'LC-D01-S01',
          lead_unit_name: '东华街道',
          state: 'closed',
          unsatisfied_at: '2026-11-03T10:15:00+08:00',
          unsatisfied_callbacks: 2,
          satisfaction: 'unsatisfied',
          resolved: false,
          dissatisfaction: 'unresolved',
          cleared: true,
          cleared_at: '2026-11-20T09:00:00+08:00',
          cleared_how: 'closed_with_reason',
          clear_reason: '诉求超出政策，已解释',
        },
        { id: 8, number: 'LC8', lead_unit: 'LC-GR', state: 'unsatisfied', satisfaction: 'basically_satisfied', resolved: false, cleared: false },
      ],
      zh,
    )
    expect(rows[0]).toMatchObject({
      unit: '东华街道',
      unsatisfiedAt: '2026-11-03 10:15',
      outcome: '不满意，未解决',
      reason: '问题未解决',
      times: 2,
      state: '已办结',
      cleared: true,
      clearedAt: '2026-11-20 09:00',
      how: '督办结案（记录原因）',
      clearReason: '诉求超出政策，已解释',
    })
    expect(rows[1]).toMatchObject({ unit: 'LC-GR', outcome: '基本满意，未解决', state: '不满意待处理', cleared: false, clearedAt: '', how: '', times: 1 })
    expect(ledgerRows(undefined, zh)).toEqual([])
  })

  it('names the download as the server says, or by the month', () => {
    expect(exportFileName("attachment; filename=\"download\"; filename*=UTF-8''%E5%8F%B0%E8%B4%A6.csv", '2026-11', 'csv')).toBe('台账.csv')
    expect(exportFileName('', '2026-11', 'xlsx')).toBe('动态清零台账-2026-11.xlsx')
  })
})
