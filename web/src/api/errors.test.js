import { describe, expect, it } from 'vitest'
import { ApiError, userMessage } from './errors.js'

const err = (status, body = {}, request = { method: 'POST', path: '/tickets/1/sign' }) => new ApiError(status, body, request)

describe('userMessage', () => {
  it('names the field in Chinese for a missing value', () => {
    const e = err(400, { code: 'invalid_argument', field: 'content', message: 'content is required' }, { method: 'POST', path: '/tickets' })
    expect(userMessage(e)).toBe('请填写「内容」')
  })

  it('says a field is wrong when it is not about a missing value', () => {
    expect(userMessage(err(400, { code: 'invalid_argument', field: 'days', message: 'days must be 1..30' }))).toBe('「延期天数」填写有误，请检查')
    expect(userMessage(err(400, { field: 'caller.phone', message: 'caller.phone is too long' }))).toBe('「联系电话」填写有误，请检查')
  })

  it('keeps an unknown field name readable', () => {
    expect(userMessage(err(400, { field: 'frobnicate', message: 'bad' }))).toBe('「frobnicate」填写有误，请检查')
  })

  it('falls back to a general sentence for 400 without a field', () => {
    expect(userMessage(err(400, { code: 'invalid_argument', message: 'request body is not valid JSON' }))).toBe('提交的内容有误，请检查后重试')
  })

  it('tells a wrong password apart from an expired session', () => {
    expect(userMessage(err(401, { code: 'unauthenticated' }, { method: 'POST', path: '/sessions' }))).toBe('用户名或密码错误')
    expect(userMessage(err(401, { code: 'unauthenticated' }, { method: 'GET', path: '/tickets' }))).toBe('登录已过期，请重新登录')
  })

  it('explains 403 on a ticket as outside the unit', () => {
    expect(userMessage(err(403, { code: 'permission_denied' }, { method: 'GET', path: '/tickets/42' }))).toContain('不属于您的单位')
    expect(userMessage(err(403, { code: 'permission_denied' }, { method: 'POST', path: '/tickets' }))).toBe('您没有权限进行此操作')
  })

  it('maps 404, 409, 5xx and network failures', () => {
    expect(userMessage(err(404, { code: 'not_found' }))).toBe('要找的工单或数据不存在')
    expect(userMessage(err(409, { code: 'conflict', message: 'sign is not allowed in state closed' }))).toContain('工单状态已经变化')
    expect(userMessage(err(409, { code: 'conflict', message: 'an extension request is already pending' }))).toBe('已有一条延期申请在等待审批')
    expect(userMessage(err(409, { code: 'conflict', message: 'the citizen must be tried 3 times before closing without a callback' }))).toContain('回访')
    expect(userMessage(err(409, { code: 'already_exists' }))).toBe('该记录已存在')
    expect(userMessage(err(429, { code: 'rate_limited' }))).toBe('操作过于频繁，请稍后再试')
    expect(userMessage(err(500, { code: 'internal' }))).toBe('服务器暂时出错，请稍后再试')
    expect(userMessage(err(503, { code: 'unavailable' }))).toBe('服务暂时不可用，请稍后再试')
    expect(userMessage(err(0, { code: 'network' }))).toBe('无法连接服务器，请检查网络后重试')
  })

  it('handles errors that are not API errors', () => {
    expect(userMessage(new TypeError('x'))).toBe('操作失败，请稍后再试')
  })
})
