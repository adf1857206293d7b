import { describe, expect, it } from 'vitest'
import {
  acceptList, canAttach, checkAttachment, contentTypeOf, fileNameFrom, formatSize, isImage, relationTagType,
  sortRelated, uploadRefusal,
} from './attachments.js'
import { applyLimits, resetLimits } from '../api/limits.js'

const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024 // the default, until the server says otherwise

const file = (name, size, type = '') => ({ name, size, type })

describe('attachment sizes', () => {
  it('are written in binary units, one decimal under 10', () => {
    expect(formatSize(0)).toBe('0 B')
    expect(formatSize(1023)).toBe('1023 B')
    expect(formatSize(1024)).toBe('1 KB')
    expect(formatSize(1536)).toBe('1.5 KB')
    expect(formatSize(250 * 1024)).toBe('250 KB')
    expect(formatSize(MAX_ATTACHMENT_BYTES)).toBe('10 MB')
    expect(formatSize(3.25 * 1024 * 1024)).toBe('3.3 MB')
    expect(formatSize(5 * 1024 ** 3)).toBe('5 GB')
    expect(formatSize(-1)).toBe('')
    expect(formatSize('x')).toBe('')
  })
})

describe('attachment checks before upload', () => {
  it('accepts what the server accepts', () => {
    expect(checkAttachment(file('现场照片.jpg', 2048, 'image/jpeg'))).toBeNull()
    expect(checkAttachment(file('录音.amr', 4096, ''))).toBeNull() // no type from the browser: by extension
    expect(checkAttachment(file('scan.PDF', MAX_ATTACHMENT_BYTES, 'application/pdf'))).toBeNull() // exactly the limit
  })
  it('refuses empty, too large, unknown types and bad names, naming the field the server would', () => {
    expect(checkAttachment(file('a.txt', 0, 'text/plain'))).toEqual({ reason: 'empty', field: 'size' })
    expect(checkAttachment(file('big.mp4', MAX_ATTACHMENT_BYTES + 1, 'video/mp4'))).toEqual({ reason: 'tooLarge', field: 'size' })
    expect(checkAttachment(file('run.exe', 10, 'application/x-msdownload'))).toEqual({ reason: 'type', field: 'content_type' })
    expect(checkAttachment(file('page.html', 10, 'text/html'))).toEqual({ reason: 'type', field: 'content_type' })
    expect(checkAttachment(file('a"b.txt', 10, 'text/plain'))).toEqual({ reason: 'name', field: 'name' })
    expect(checkAttachment(file('a\\b.txt', 10, 'text/plain'))).toEqual({ reason: 'name', field: 'name' })
    expect(checkAttachment(file(`${'长'.repeat(90)}.txt`, 10, 'text/plain'))).toEqual({ reason: 'name', field: 'name' }) // 274 bytes
    expect(checkAttachment(null)).toEqual({ reason: 'empty', field: 'size' })
  })
  it('sends the type the server knows', () => {
    expect(contentTypeOf(file('a.jpg', 1, 'image/jpg'))).toBe('image/jpeg')
    expect(contentTypeOf(file('a.wav', 1, 'audio/x-wav'))).toBe('audio/wav')
    expect(contentTypeOf(file('表格.xlsx', 1, ''))).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(contentTypeOf(file('notes', 1, 'text/plain; charset=utf-8'))).toBe('text/plain')
    expect(contentTypeOf(file('x.bin', 1, 'application/octet-stream'))).toBe('application/octet-stream')
    expect(acceptList()).toContain('image/png')
    expect(acceptList()).toContain('.amr')
    expect(isImage('image/webp')).toBe(true)
    expect(isImage('application/pdf')).toBe(false)
  })
  it('follows the server\'s size and types once they are known', () => {
    try {
      applyLimits({ attachment_max_bytes: 1024, attachment_types: ['application/pdf'] })
      expect(checkAttachment(file('scan.pdf', 1025, 'application/pdf'))).toEqual({ reason: 'tooLarge', field: 'size' })
      expect(checkAttachment(file('a.jpg', 10, 'image/jpeg'))).toEqual({ reason: 'type', field: 'content_type' })
      expect(acceptList()).toBe('application/pdf,.pdf')
    } finally {
      resetLimits()
    }
  })
  it('reads the server\'s refusals by reason, never by message', () => {
    const err = (field, reason = 'invalid_argument', message = '') => ({ status: 400, field, reason, serverMessage: message })
    expect(uploadRefusal(err('size', 'too_large'))).toBe('tooLarge')
    expect(uploadRefusal(err('size', 'empty_file', 'the file is larger than 10 MiB'))).toBe('empty')
    expect(uploadRefusal(err('size', 'invalid_argument', 'the file is empty'))).toBe('tooLarge')
    expect(uploadRefusal(err('content_type', 'unsupported_type'))).toBe('type')
    expect(uploadRefusal(err('name', 'control_character'))).toBe('name')
    expect(uploadRefusal(err('other'))).toBe('')
    expect(uploadRefusal({ status: 403, field: 'size' })).toBe('')
  })
  it('takes the download\'s name from Content-Disposition', () => {
    expect(fileNameFrom(`attachment; filename="download"; filename*=UTF-8''${encodeURIComponent('现场 照片.jpg')}`)).toBe('现场 照片.jpg')
    expect(fileNameFrom('attachment; filename="report.pdf"')).toBe('report.pdf')
    expect(fileNameFrom('attachment; filename="download"', 'a.txt')).toBe('a.txt')
    expect(fileNameFrom('', 'b.txt')).toBe('b.txt')
  })
})

describe('who may attach', () => {
  it('follows the state machine: working roles, open tickets', () => {
    const open = { state: 'in_progress', available_commands: ['reply'] }
    expect(canAttach(open, 'unit')).toBe(true)
    expect(canAttach(open, 'operator')).toBe(true)
    expect(canAttach(open, 'analyst')).toBe(false)
    expect(canAttach(open, 'admin')).toBe(false)
    expect(canAttach({ state: 'closed', available_commands: [] }, 'unit')).toBe(false)
    expect(canAttach({ state: 'closed', available_commands: ['attach'] }, 'admin')).toBe(true) // the server's word wins
    expect(canAttach(null, 'unit')).toBe(false)
  })
})

describe('related tickets', () => {
  it('come merged first, then the same caller, then similar, newest first within', () => {
    const items = [
      { id: 1, relation: 'similar', created_at: '2026-11-20T10:00:00+08:00' },
      { id: 2, relation: 'same_caller', created_at: '2026-11-01T10:00:00+08:00' },
      { id: 3, relation: 'similar', created_at: '2026-11-22T10:00:00+08:00' },
      { id: 4, relation: 'merged', created_at: '2026-10-01T10:00:00+08:00' },
      { id: 5, relation: 'other', created_at: '2026-11-23T10:00:00+08:00' },
    ]
    expect(sortRelated(items).map((x) => x.id)).toEqual([4, 2, 3, 1, 5])
    expect(relationTagType('merged')).toBe('danger')
    expect(relationTagType('same_caller')).toBe('warning')
    expect(relationTagType('similar')).toBe('info')
  })
})
