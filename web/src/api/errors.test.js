import { describe, expect, it } from 'vitest'
import { ApiError, reasonText, userMessage } from './errors.js'

const err = (status, body = {}, request = { method: 'POST', path: '/tickets/1/sign' }) => new ApiError(status, body, request)

describe('userMessage', () => {
  it('names the field in Chinese for a missing value', () => {
    const e = err(400, { code: 'invalid_argument', reason: 'required', field: 'content', message: 'content is required' }, { method: 'POST', path: '/tickets' })
    expect(userMessage(e)).toBe('请填写「内容」')
  })

  it('never reads the English message: only the reason says a value is missing', () => {
    const e = err(400, { code: 'invalid_argument', field: 'content', message: 'content is required' }, { method: 'POST', path: '/tickets' })
    expect(userMessage(e)).toBe('「内容」填写有误，请检查')
  })

  it('says a field is wrong when it is not about a missing value', () => {
    expect(userMessage(err(400, { code: 'invalid_argument', reason: 'invalid_value', field: 'caller.phone' }))).toBe('「联系电话」填写有误，请检查')
    expect(userMessage(err(400, { code: 'invalid_argument', field: 'caller.phone', message: 'caller.phone is too long' }))).toBe('「联系电话」填写有误，请检查')
  })

  it('uses the params: a range, a length, a code', () => {
    const days = err(400, { code: 'invalid_argument', reason: 'invalid_value', field: 'days', params: { min: '1', max: '30' } })
    expect(userMessage(days)).toBe('「延期天数」须在 1 至 30 之间')
    const reason = err(400, { code: 'invalid_argument', reason: 'too_long', field: 'reason', params: { max: '2000' } })
    expect(userMessage(reason)).toBe('「原因」太长了，最多约 666 个字')
    const unit = err(400, { code: 'invalid_argument', reason: 'unknown_unit', field: 'unit', params: { code: 'LC-X' } })
    expect(userMessage(unit, { label: (c) => `「${c}」` })).toBe('承办单位 「LC-X」 不存在')
    const password = err(400, { code: 'invalid_argument', reason: 'password_too_short', field: 'password', params: { min: '8' } })
    expect(userMessage(password)).toBe('密码至少 8 位')
    const file = err(400, { code: 'invalid_argument', reason: 'too_large', field: 'size', params: { max: String(10 << 20) } })
    expect(userMessage(file)).toBe('文件太大了，最大 10 MB')
  })

  it('keeps an unknown field name readable', () => {
    expect(userMessage(err(400, { field: 'frobnicate', message: 'bad' }))).toBe('「frobnicate」填写有误，请检查')
  })

  it('falls back to a general sentence for 400 without a field', () => {
    expect(userMessage(err(400, { code: 'invalid_argument', message: 'request body is not valid JSON' }))).toBe('提交的内容有误，请检查后重试')
  })

  it('tells a wrong password apart from an expired session', () => {
    expect(userMessage(err(401, { code: 'unauthenticated', reason: 'wrong_credentials' }, { method: 'POST', path: '/sessions' }))).toBe('用户名或密码错误')
    expect(userMessage(err(401, { code: 'unauthenticated' }, { method: 'POST', path: '/sessions' }))).toBe('用户名或密码错误')
    expect(userMessage(err(401, { code: 'unauthenticated', reason: 'session_expired' }, { method: 'GET', path: '/tickets' }))).toBe('登录已过期，请重新登录')
    expect(userMessage(err(401, { code: 'unauthenticated', reason: 'account_disabled' }, { method: 'GET', path: '/tickets' }))).toBe('账号已停用，请联系管理员')
  })

  it('explains 403 on a ticket as outside the unit, and a refused role with the command', () => {
    expect(userMessage(err(403, { code: 'permission_denied', reason: 'outside_unit_scope', params: { unit: 'LC-D02' } }, { method: 'GET', path: '/tickets/42' }))).toContain('不属于您的单位')
    expect(userMessage(err(403, { code: 'permission_denied' }, { method: 'GET', path: '/tickets/42' }))).toContain('不属于您的单位')
    expect(userMessage(err(403, { code: 'permission_denied' }, { method: 'POST', path: '/tickets' }))).toBe('您没有权限进行此操作')
    const role = err(403, { code: 'permission_denied', reason: 'role_not_allowed', params: { role: 'operator', command: 'sign' } })
    expect(userMessage(role)).toBe('您的角色（受理员）不能签收')
    const stats = err(403, { code: 'permission_denied', reason: 'role_not_allowed', params: { role: 'analyst', command: 'kb_edit' } })
    expect(userMessage(stats)).toContain('编辑知识库')
  })

  it('words the state machine\'s conflicts by reason', () => {
    const state = err(409, { code: 'conflict', reason: 'state_not_allowed', params: { command: 'sign', state: 'closed' } })
    expect(userMessage(state)).toBe('工单状态已经变化（当前：已办结），不能签收，请刷新后重试')
    expect(userMessage(err(409, { code: 'conflict', reason: 'extension_pending' }))).toBe('已有一条延期申请在等待审批')
    expect(userMessage(err(409, { code: 'conflict', reason: 'no_extension_pending' }))).toBe('没有待审批的延期申请')
    const callback = err(409, { code: 'conflict', reason: 'callback_attempts_required', params: { attempts: '3' } })
    expect(userMessage(callback)).toBe('回访须联系满 3 次仍未接通，才能直接办结')
    // The English message alone no longer decides anything.
    expect(userMessage(err(409, { code: 'conflict', message: 'an extension request is already pending' }))).toBe('数据已被他人更新，请刷新后重试')
  })

  it('maps 404, 409, 5xx and network failures', () => {
    expect(userMessage(err(404, { code: 'not_found' }))).toBe('要找的工单或数据不存在')
    expect(userMessage(err(409, { code: 'already_exists' }))).toBe('该记录已存在')
    expect(userMessage(err(409, { code: 'already_exists', params: { username: 'zhang' } }))).toBe('用户名 zhang 已被使用')
    expect(userMessage(err(429, { code: 'rate_limited' }))).toBe('操作过于频繁，请稍后再试')
    expect(userMessage(err(429, { code: 'resource_exhausted', reason: 'login_busy' }))).toBe('系统正忙，请稍后再试')
    expect(userMessage(err(500, { code: 'internal' }))).toBe('服务器暂时出错，请稍后再试')
    expect(userMessage(err(503, { code: 'unavailable' }))).toBe('服务暂时不可用，请稍后再试')
    expect(userMessage(err(503, { code: 'unavailable', reason: 'server_busy' }))).toBe('服务器繁忙，请稍后再试')
    expect(userMessage(err(0, { code: 'network' }))).toBe('无法连接服务器，请检查网络后重试')
  })

  it('handles errors that are not API errors', () => {
    expect(userMessage(new TypeError('x'))).toBe('操作失败，请稍后再试')
  })
})

describe('reasonText', () => {
  const e = (body) => new ApiError(400, { code: 'invalid_argument', ...body }, { method: 'PUT', path: '/catalog' })

  it('names the catalog rule and the list item an error is about', () => {
    const rule = e({ reason: 'unknown_category', field: 'category', params: { rule: '3', code: '9' } })
    expect(reasonText(rule)).toBe('第 3 条规则：诉求分类 9 不存在')
    const item = e({ reason: 'invalid_value', field: 'items[4].kind', params: { value: 'x' } })
    expect(reasonText(item)).toBe('第 5 项：「类型」填写有误，请检查')
  })

  it('is empty for generic codes and for reasons the console does not know', () => {
    expect(reasonText(e({}))).toBe('')
    expect(reasonText(e({ reason: 'something_new' }))).toBe('')
    expect(reasonText(null)).toBe('')
  })
})
