import { describe, expect, it } from 'vitest'
import { AUDIT_ACTIONS, actorName, auditActionLabel, auditActionTag, auditQuery, clampPerPage, filterAudit, pagerState } from './audit.js'

describe('audit action labels', () => {
  it('names every action in Chinese', () => {
    expect(AUDIT_ACTIONS.map((a) => auditActionLabel(a, 'zh-CN'))).toEqual(['替换承办单位', '替换诉求分类', '替换分派目录', '新建用户', '修改用户'])
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
