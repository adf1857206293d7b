// End-to-end: 动态清零台账. Two tickets found unsatisfied this month (one closed by
// the supervisor with a reason, one still waiting) show up with the month's counts
// and clear-down rate; the 已清零/未清零 filter narrows the table; CSV and Excel
// exports download with the session's token; a street's staff see their own rows only.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { BASE, rest, screenshot, useBrowser } from './helpers.mjs'

const ui = useBrowser()

/** A new ticket driven to 不满意待处理 for `unit`: dispatched, signed, replied, reviewed, called back. */
async function unsatisfied(unit, content) {
  const t = await rest('operator', 'POST', '/tickets', {
    channel: 'phone', appeal_type: 'complaint', content, caller: { name: '台账测试', phone: '13900003333' },
  })
  await rest('operator', 'POST', `/tickets/${t.id}/dispatch`, { unit })
  await rest(unit, 'POST', `/tickets/${t.id}/sign`, {})
  await rest(unit, 'POST', `/tickets/${t.id}/reply`, { content: '已到现场处理', result: 'resolved' })
  await rest('callback', 'POST', `/tickets/${t.id}/review`, { accept: true })
  await rest('callback', 'POST', `/tickets/${t.id}/callback`, { satisfaction: 'unsatisfied', resolved: false, dissatisfaction: 'unresolved' })
  return t
}

async function rowNumbers(page) {
  await page.locator('[data-test="ledger-table"] .el-loading-mask').waitFor({ state: 'hidden' }).catch(() => {})
  return page.locator('[data-test="ledger-number"]').allInnerTexts()
}

test('动态清零台账 lists the month, its rate, filters, and exports CSV and Excel', async () => {
  const open = await unsatisfied('LC-D02-S01', '台账测试：小区垃圾清运不及时，回访仍未解决')
  const cleared = await unsatisfied('LC-D01-S01', '台账测试：路灯维修后仍不亮')
  await rest('supervisor', 'POST', `/tickets/${cleared.id}/close`, { reason: '诉求已依法依规答复，不再重办' })
  const month = await rest('supervisor', 'GET', '/ledger?month=' + new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 7) + '&per_page=200')
  assert.ok(month.items.some((r) => r.id === open.id && !r.cleared))
  assert.ok(month.items.some((r) => r.id === cleared.id && r.cleared && r.cleared_how === 'closed_with_reason'))

  const page = await ui.loginAs('supervisor')
  await page.locator('[data-test="menu-ledger"]').click()
  await page.waitForURL(/#\/ledger/)
  await page.locator('[data-test="ledger-counts"]').waitFor()
  await page.locator('[data-test="ledger-number"]').first().waitFor()
  assert.equal(await page.locator('[data-test="ledger-rate"]').innerText(), `${(Math.round(month.rate * 1000) / 10).toFixed(1)}%`)
  assert.match(await page.locator('[data-test="ledger-total"]').innerText(), new RegExp(String(month.total)))
  await screenshot(page, 'ledger')

  await page.locator('[data-test="ledger-cleared"] label', { hasText: '未清零' }).click()
  await page.waitForFunction((n) => [...document.querySelectorAll('[data-test="ledger-number"]')].some((a) => a.textContent.trim() === n), open.number)
  let numbers = await rowNumbers(page)
  assert.ok(!numbers.includes(cleared.number), 'the cleared ticket is not among the open ones')
  for (const tag of await page.locator('[data-test="ledger-row-cleared"]').allInnerTexts()) assert.equal(tag.trim(), '未清零')

  await page.locator('[data-test="ledger-cleared"] label', { hasText: '已清零' }).click()
  await page.waitForFunction((n) => [...document.querySelectorAll('[data-test="ledger-number"]')].some((a) => a.textContent.trim() === n), cleared.number)
  numbers = await rowNumbers(page)
  assert.ok(!numbers.includes(open.number))
  const row = page.locator('[data-test="ledger-table"] tr', { hasText: cleared.number })
  assert.match(await row.innerText(), /督办结案（记录原因）/)
  assert.match(await row.innerText(), /诉求已依法依规答复，不再重办/)

  // Exports: the whole filtered month, downloaded with the token.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="ledger-export-csv"]').click()])
  assert.match(csv.suggestedFilename(), /^动态清零台账-\d{4}-\d{2}\.csv$/)
  const text = await readFile(await csv.path(), 'utf8')
  assert.ok(text.includes('工单编号') && text.includes(cleared.number), text.slice(0, 200))
  assert.ok(!text.includes(open.number), 'the CSV follows the 已清零 filter')
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="ledger-export-xlsx"]').click()])
  assert.match(xlsx.suggestedFilename(), /\.xlsx$/)
  const bytes = await readFile(await xlsx.path())
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK')
  assert.deepEqual(page.errors, [])
})

test('a street’s staff see the ledger of their own street only', async () => {
  const page = await ui.loginAs('LC-D02-S01')
  await page.goto(`${BASE}/#/ledger`)
  await page.locator('[data-test="ledger-counts"]').waitFor()
  const mine = await rest('LC-D02-S01', 'GET', '/ledger?month=' + new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 7) + '&per_page=200')
  assert.ok(mine.items.some((r) => r.lead_unit === 'LC-D02-S01'))
  assert.ok(!mine.items.some((r) => r.content.includes('台账测试：路灯维修后仍不亮')), 'another district’s ticket')
  await page.locator('[data-test="ledger-number"]').first().waitFor()
  const shown = await rowNumbers(page)
  assert.ok(shown.length > 0)
  for (const n of shown) assert.ok(mine.items.some((r) => r.number === n), n)
  assert.deepEqual(page.errors, [])
})
