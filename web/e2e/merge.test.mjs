// End-to-end (issue 9, 并单 by what users see): the operator opens 并单 on a phone
// intake in 待受理; the dialog offers the same caller's earlier open ticket as the
// main ticket (number, state, why, time, content), one click fills the field, and
// after submitting the ticket page shows 已并单 with a link to the main ticket by
// its number. Against a running demo server, in Debian's Chromium.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, findRow, openTab, rest, screenshot, submitDialog, useBrowser } from './helpers.mjs'

const { loginAs } = useBrowser()

/** A phone intake saved without an outcome (it waits in 待受理), by REST. */
const intake = (content, phone) => rest('operator', 'POST', '/tickets', {
  channel: 'phone', appeal_type: 'complaint', content, caller: { name: '赵先生', phone },
})

test('并单 offers the same caller\'s open ticket and merges into it in one click', async () => {
  const stamp = String(Date.now()).slice(-8)
  const phone = `139${stamp}` // a caller of this run only: the candidates are exactly ours
  const main = await intake(`（${stamp}）幸福里小区 3 号楼门口路灯不亮，晚上出行不便`, phone)
  const sub = await intake(`（${stamp}）幸福里小区 3 号楼路灯还是不亮，再次反映`, phone)

  const page = await loginAs('operator')
  await page.locator('[data-test="menu-pending"]').click()
  await openTab(page, '待受理')
  const row = await findRow(page, sub)
  await row.locator('[data-test="cmd-merge"]').click()
  const dialog = page.locator('.el-dialog:visible')
  const candidate = dialog.locator(`[data-test="merge-candidate-${main.id}"]`)
  await candidate.waitFor()
  const text = await candidate.innerText()
  assert.match(text, new RegExp(main.number))
  assert.match(text, /同一来电人/)
  assert.match(text, /待处理/)
  assert.match(text, /路灯不亮/)
  assert.equal(await dialog.locator(`[data-test="merge-candidate-${sub.id}"]`).count(), 0, 'not the ticket itself')
  await screenshot(page, 'merge-candidates')
  await candidate.click()
  assert.equal(await dialog.locator('[data-test="ticket-ref-input"]').inputValue(), main.number)
  await submitDialog(page)

  const merged = await rest('operator', 'GET', `/tickets/${sub.id}`)
  assert.equal(merged.state, 'merged')
  assert.equal(merged.main_ticket, main.id)
  await page.goto(`${BASE}/#/tickets/${sub.id}`)
  await page.locator('.page-title [data-test="state"]', { hasText: '已并单' }).waitFor()
  const link = page.locator('[data-test="ticket-main-link"]', { hasText: main.number })
  await link.click()
  await page.waitForURL(new RegExp(`#/tickets/${main.id}$`))
  await page.locator('[data-test="ticket-number"]', { hasText: main.number }).waitFor()
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('without candidates the dialog says so, and a typed number still merges', async () => {
  const stamp = String(Date.now()).slice(-8)
  const main = await intake(`（${stamp}）东华街道菜市场门口占道经营`, `138${stamp}`)
  const sub = await intake(`（${stamp}）东华街道菜市场附近摊贩占道`, `137${stamp}`)

  const page = await loginAs('operator')
  await page.goto(`${BASE}/#/tickets/${sub.id}`)
  await page.locator('[data-test="cmd-merge"]').click()
  const dialog = page.locator('.el-dialog:visible')
  await dialog.locator('[data-test="merge-candidates-none"]', { hasText: '未找到可并入的工单，请输入主单编号' }).waitFor()
  await dialog.locator('[data-test="ticket-ref-input"]').fill(main.number.toLowerCase())
  await submitDialog(page)
  await page.locator('.page-title [data-test="state"]', { hasText: '已并单' }).waitFor()
  await page.locator('[data-test="ticket-main-link"]', { hasText: main.number }).waitFor()
  assert.deepEqual(page.errors, [])
  await page.context().close()
})
