import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/apiError.js'
import { portalErrorField, portalErrorMessage } from './errors.js'

const err = (status, body = {}, retryAfter = 0) => new ApiError(status, body, { method: 'GET', path: '/public/tickets/LC1' }, { retryAfter })

describe('portal error messages', () => {
  it('says a lookup found nothing without telling which half was wrong', () => {
    const notFound = err(404, { code: 'not_found', message: 'no ticket with this number and query code' })
    expect(portalErrorMessage(notFound, 'track')).toBe('未找到：请核对工单编号和查询码')
    expect(portalErrorMessage(notFound, 'evaluate')).toBe('未找到：请核对工单编号和查询码')
  })

  it('words the refusals of a photo and of an address', () => {
    expect(portalErrorMessage(err(409, { code: 'conflict', reason: 'state_not_allowed' }), 'photo')).toBe('诉求已开始办理，不能再补充照片')
    expect(portalErrorMessage(err(400, { code: 'invalid_argument', reason: 'too_many', field: 'photos' }), 'photo')).toBe('每条诉求最多上传 3 张照片')
    expect(portalErrorMessage(err(400, { code: 'invalid_argument', reason: 'unsupported_type', field: 'content_type' }), 'photo')).toBe('只能上传 JPG 或 PNG 照片')
    expect(portalErrorMessage(err(404, { code: 'not_found' }), 'photo')).toBe('未找到：请核对工单编号和查询码')
    expect(portalErrorMessage(err(404, { code: 'not_found' }), 'locate')).toContain('未能识别该地址')
  })

  it('asks to wait after too many attempts, in minutes from Retry-After', () => {
    expect(portalErrorMessage(err(429, { code: 'rate_limited' }, 600), 'track')).toBe('查询次数过多，为保护您的信息安全，请 10 分钟后再试')
    expect(portalErrorMessage(err(429, { code: 'rate_limited' }, 30), 'track')).toBe('查询次数过多，为保护您的信息安全，请 1 分钟后再试')
    expect(portalErrorMessage(err(429, { code: 'rate_limited' }), 'submit')).toBe('提交过于频繁，请稍后再试。如有紧急情况请直接拨打 12345')
  })

  it('explains an evaluation the ticket no longer accepts', () => {
    const conflict = err(409, { code: 'conflict', message: 'callback is not allowed in state closed' })
    expect(portalErrorMessage(conflict, 'evaluate')).toMatch(/当前不能评价/)
  })

  it('names the form field the server refused, in the portal\'s words', () => {
    const phone = err(400, { code: 'invalid_argument', field: 'caller.phone', message: 'caller.phone is too short' })
    expect(portalErrorMessage(phone, 'submit')).toBe('「联系电话」填写有误，请检查')
    expect(portalErrorField(phone)).toBe('phone')
    const content = err(400, { code: 'invalid_argument', reason: 'required', field: 'content', message: 'content is required' })
    expect(portalErrorMessage(content, 'submit')).toBe('请填写「诉求内容」')
    const unread = err(400, { code: 'invalid_argument', field: 'content', message: 'content is required' })
    expect(portalErrorMessage(unread, 'submit')).toBe('「诉求内容」填写有误，请检查') // the message is never read
    const lat = err(400, { code: 'invalid_argument', field: 'location.lat', message: 'lat must be -90..90' })
    expect(portalErrorMessage(lat, 'submit')).toBe('「纬度」填写有误，请检查')
    expect(portalErrorField(lat)).toBe('location')
    const odd = err(400, { code: 'invalid_argument', field: 'frobnicate', message: 'bad' })
    expect(portalErrorMessage(odd, 'submit')).toBe('提交的内容有误，请检查后重试')
    expect(portalErrorField(odd)).toBe('')
    expect(portalErrorField(err(404))).toBe('')
  })

  it('covers network, server and unexpected failures', () => {
    expect(portalErrorMessage(err(0, { code: 'network' }), 'submit')).toBe('网络连接失败，请检查网络后重试')
    expect(portalErrorMessage(err(500), 'track')).toBe('系统繁忙，请稍后再试')
    expect(portalErrorMessage(err(503), 'track')).toBe('系统繁忙，请稍后再试')
    expect(portalErrorMessage(new TypeError('x'), 'track')).toBe('操作失败，请稍后再试')
  })
})
