import { describe, expect, it } from 'vitest'
import { AUDIT_ACTIONS, actorName, auditActionLabel, auditActionTag, auditQuery, auditSummaryText, clampPerPage, filterAudit, pagerState } from './audit.js'

describe('audit action labels', () => {
  it('names every action in Chinese', () => {
    expect(AUDIT_ACTIONS.map((a) => auditActionLabel(a, 'zh-CN'))).toEqual(['替换承办单位', '替换诉求分类', '替换分派目录', '新建用户', '修改用户', '修改时限规则', '上传年度工作日历', '删除上传的年度日历'])
  })
  it('names them in English too, and leaves unknown actions as their code', () => {
    expect(auditActionLabel('replace_catalog', 'en')).toBe('Replace dispatch catalog')
    expect(auditActionLabel('delete_everything', 'zh-CN')).toBe('delete_everything')
    expect(auditActionLabel('', 'zh-CN')).toBe('')
  })
  it('tags user changes apart from list replacements', () => {
    expect(auditActionTag('create_user')).toBe('success')
    expect(auditActionTag('replace_units')).toBe('primary')
  })
})

describe('audit actors', () => {
  it('uses the display name when known, else the username', () => {
    const names = new Map([['admin', '系统管理员']])
    expect(actorName('admin', names)).toBe('系统管理员')
    expect(actorName('operator', names)).toBe('operator')
    expect(actorName('admin')).toBe('admin')
    expect(actorName('')).toBe('')
  })
})

describe('audit paging', () => {
  it('asks for a page the server accepts', () => {
    expect(auditQuery(2, 50)).toEqual({ page: 2, per_page: 50 })
    expect(auditQuery(0, 500)).toEqual({ page: 1, per_page: 200 })
    expect(auditQuery('3', '20')).toEqual({ page: 3, per_page: 20 })
    expect(clampPerPage(0)).toBe(50)
    expect(clampPerPage('x')).toBe(50)
  })
  it('offers 下一页 only after a full page, 上一页 after the first', () => {
    expect(pagerState(1, 20, 20)).toEqual({ hasPrev: false, hasNext: true })
    expect(pagerState(1, 20, 7)).toEqual({ hasPrev: false, hasNext: false })
    expect(pagerState(3, 20, 0)).toEqual({ hasPrev: true, hasNext: false })
    expect(pagerState(2, 50, 50)).toEqual({ hasPrev: true, hasNext: true })
  })
  it('filters the loaded page by action', () => {
    const items = [{ seq: 3, action: 'replace_catalog' }, { seq: 2, action: 'create_user' }, { seq: 1, action: 'replace_catalog' }]
    expect(filterAudit(items, 'replace_catalog').map((r) => r.seq)).toEqual([3, 1])
    expect(filterAudit(items, '')).toEqual(items)
    expect(filterAudit(items, '')).not.toBe(items)
  })
})

describe('audit summaries in the UI language', () => {
  it('puts the keywords of a list replacement into Chinese, keeping codes and names', () => {
    expect(auditSummaryText('units: 40 → 41; added LC-X 新单位 (under LC); removed LC-Y 旧单位; changed LC-Z 甲 ⇒ LC-Z 乙', 'zh-CN'))
      .toBe('承办单位：40 → 41；新增 LC-X 新单位（上级 LC）；删除 LC-Y 旧单位；修改 LC-Z 甲 ⇒ LC-Z 乙')
    expect(auditSummaryText('categories: 5 → 5; no change', 'zh-CN')).toBe('诉求分类：5 → 5；无变化')
    expect(auditSummaryText('catalog rules: 3 → 4; added 120403 × anywhere (yes) → LC-GR + LC-D01-S01', 'zh-CN'))
      .toBe('分派规则：3 → 4；新增 120403 × 不限区域 (企业) → LC-GR + LC-D01-S01')
    expect(auditSummaryText('units: 1 → 8; added A a, B b, C c, D d, E e and 2 more', 'zh-CN')).toBe('承办单位：1 → 8；新增 A a, B b, C c, D d, E e 等，另 2 项')
  })
  it('words the time limits and calendar uploads (issue 10)', () => {
    expect(auditSummaryText('time-limit rules: 12 → 12; changed default: sign 24 natural_hours ⇒ default: sign 3 natural_hours; working hours 09:00-12:00 13:30-17:30 ⇒ 08:30-12:00', 'zh-CN'))
      .toBe('时限规则：12 → 12；修改 default: sign 24 natural_hours ⇒ default: sign 3 natural_hours；工作时间 09:00-12:00 13:30-17:30 ⇒ 08:30-12:00')
    expect(auditSummaryText('calendar days: 0 → 2; added 2027-01-01 holiday, 2027-02-14 workday', 'zh-CN'))
      .toBe('日历日期：0 → 2；新增 2027-01-01 放假, 2027-02-14 调休上班')
    expect(auditActionLabel('replace_calendar_year', 'zh-CN')).toBe('上传年度工作日历')
    expect(auditActionLabel('replace_time_limits', 'zh-CN')).toBe('修改时限规则')
  })
  it('names roles and account states of a user change', () => {
    expect(auditSummaryText('e2e-1: role operator, unit LC-D01, active, password reset', 'zh-CN')).toBe('e2e-1：角色 受理员，单位 LC-D01，启用，已重置密码')
    expect(auditSummaryText('bob: role supervisor, disabled', 'zh-CN')).toBe('bob：角色 督办员，停用')
  })
  it('keeps English in English and leaves unknown shapes and words as they came', () => {
    expect(auditSummaryText('categories: 5 → 5; no change', 'en')).toBe('categories: 5 → 5; no change')
    expect(auditSummaryText('something new happened', 'zh-CN')).toBe('something new happened')
    expect(auditSummaryText('bob: role wizard, sleepy', 'zh-CN')).toBe('bob：角色 wizard，sleepy')
    expect(auditSummaryText('', 'zh-CN')).toBe('')
  })
})
