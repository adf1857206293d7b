// End-to-end: a ticket's attachments and related tickets on 工单详情. A street
// (LC-D01-S01, 东华街道) signs two tickets from the same caller, uploads a photo to
// one — progress, the list, the timeline's 上传附件, a download of the same bytes — is
// refused a file over 10 MB before it is sent, and follows the related-ticket link.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { BASE, api, login, screenshot, useBrowser } from './helpers.mjs'

const UNIT = 'LC-D01-S01'
const { loginAs } = useBrowser()

/** A ticket recorded by the operator and sent down to the street, which signs it. */
async function signedTicket(content, phone) {
  const operator = await login('operator')
  const t = await api(operator, 'POST', '/tickets', {
    channel: 'phone', appeal_type: 'complaint', content, area: 'LC-D01-S01-C01', caller: { name: '附件测试', phone },
  })
  await api(operator, 'POST', `/tickets/${t.id}/to-dispatch`, {})
  await api(await login('dispatcher'), 'POST', `/tickets/${t.id}/dispatch`, { unit: UNIT })
  await api(await login(UNIT), 'POST', `/tickets/${t.id}/sign`, {})
  return t
}

test('a street uploads a photo to its ticket, sees it listed and downloads it; related tickets link to each other', async () => {
  const phone = `137${String(Date.now()).slice(-8)}`
  const first = await signedTicket('小区 2 号楼外墙瓷砖脱落，砸坏了楼下的车棚顶棚，存在安全隐患。', phone)
  const second = await signedTicket('上次反映的外墙瓷砖又掉了几块，楼下仍有人经过，请尽快处理。', phone)

  const page = await loginAs(UNIT)
  await page.goto(`${BASE}/#/tickets/${second.id}`)
  const panel = page.locator('[data-test="attachments"]')
  await panel.locator('[data-test="attachment-upload"]').waitFor()
  await panel.locator('.el-table__empty-text', { hasText: '暂无附件' }).waitFor()

  // Too large: refused here, nothing sent.
  await panel.locator('[data-test="attachment-input"]').setInputFiles({ name: '现场视频.mp4', mimeType: 'video/mp4', buffer: Buffer.alloc(10 * 1024 * 1024 + 1) })
  await panel.locator('[data-test="attachment-refusal"]', { hasText: '文件超过 10 MB，不能上传' }).waitFor()

  // A photo: uploaded, listed with its size and uploader, and on the timeline.
  const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(20 * 1024, 7), Buffer.from([0xff, 0xd9])])
  await panel.locator('[data-test="attachment-input"]').setInputFiles({ name: '现场照片 1.jpg', mimeType: 'image/jpeg', buffer: photo })
  const row = panel.locator('.el-table__body tr', { hasText: '现场照片 1.jpg' })
  await row.waitFor()
  assert.match(await row.innerText(), /20 KB/)
  assert.match(await row.innerText(), new RegExp(`东华街道（${UNIT}）`))
  assert.equal(await panel.locator('[data-test="attachment-refusal"]').count(), 0) // the earlier refusal is gone
  await page.locator('[data-test="timeline"] [data-test="event-command"]', { hasText: '上传附件' }).waitFor()
  const listed = await api(await login('dispatcher'), 'GET', `/tickets/${second.id}/attachments`)
  assert.deepEqual(listed.items.map((a) => [a.name, a.content_type, a.size]), [['现场照片 1.jpg', 'image/jpeg', photo.length]])

  // Download: the same bytes, under the same name.
  const [download] = await Promise.all([page.waitForEvent('download'), row.locator('[data-test="attachment-download"]').click()])
  assert.equal(download.suggestedFilename(), '现场照片 1.jpg')
  assert.ok((await readFile(await download.path())).equals(photo))

  // Related: the caller's other ticket, tagged, one click away.
  const related = page.locator('[data-test="related"] .el-table__body tr', { hasText: first.number })
  await related.waitFor()
  assert.match(await related.locator('[data-test="related-relation"]').innerText(), /同一来电人/)
  await page.setViewportSize({ width: 1440, height: 1400 })
  await screenshot(page, 'ticket-attachments')
  await related.locator('[data-test="related-link"]').click()
  await page.locator('[data-test="ticket-number"]', { hasText: first.number }).waitFor()
  await page.locator('[data-test="related"] .el-table__body tr', { hasText: second.number }).waitFor()
  await page.locator('[data-test="attachments"] .el-table__empty-text', { hasText: '暂无附件' }).waitFor()
  assert.deepEqual(page.errors, [])
  await page.context().close()
})
