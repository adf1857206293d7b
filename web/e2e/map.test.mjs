// End-to-end: the city map (GET /api/v1/public/map) on 数据大屏 — streets coloured by
// their appeals, a tooltip in Chinese, a click opening 工单查询 for that street, live
// refresh — and on the portal, where a citizen marks the place on the map and the
// ticket arrives with that point and that street as its area.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { BASE, SHOTS, api, login, rest, screenshot, useBrowser } from './helpers.mjs'

const ui = useBrowser()

/** Moves over the map on a grid until the tooltip names a street; → {x, y, text} in page pixels. */
async function findStreet(page, canvas) {
  const box = await canvas.boundingBox()
  const tooltip = page.locator('[data-test="density-map"] div[style*="z-index"]').filter({ hasText: '近 30 天诉求' })
  for (const fy of [0.5, 0.4, 0.6, 0.3, 0.7]) {
    for (const fx of [0.5, 0.45, 0.55, 0.4, 0.6]) {
      const x = box.x + box.width * fx
      const y = box.y + box.height * fy
      await page.mouse.move(x, y)
      const shown = await tooltip.first().waitFor({ state: 'visible', timeout: 800 }).then(() => true, () => false)
      if (shown) return { x, y, text: await tooltip.first().innerText() }
    }
  }
  throw new Error('no street under the pointer')
}

test('数据大屏 draws the city map with appeals per street; a street opens 工单查询 for it; it follows live updates', async () => {
  const page = await ui.loginAs('analyst')
  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.goto(`${BASE}/#/dashboard`)
  const map = page.locator('[data-test="density-map"]')
  const canvas = map.locator('canvas').first()
  await canvas.waitFor()
  await page.locator('[data-test="updated-at"]').waitFor()
  await page.waitForFunction(() => Number(document.querySelector('[data-test="density-map"]').dataset.located) > 0, null, { timeout: 10000 })
  assert.match(await map.locator('[data-test="map-notes"]').innerText(), /社区的诉求计入所属街道/)

  // Live: a ticket recorded elsewhere for a community counts for its street.
  const located = Number(await map.getAttribute('data-located'))
  await rest('operator', 'POST', '/tickets', {
    channel: 'phone', appeal_type: 'complaint', content: '地图测试：幸福里社区楼道堆物影响通行', area: 'LC-D01-S01-C01',
    caller: { name: '地图测试', phone: '13900002222' },
  })
  await page.waitForFunction((n) => Number(document.querySelector('[data-test="density-map"]').dataset.located) > n, located, { timeout: 10000 })

  // A tooltip in Chinese, then a click on that street.
  const hit = await findStreet(page, canvas)
  const [title, count] = hit.text.split('\n')
  assert.match(title, /^(.+)（(.+)）$/, hit.text)
  assert.match(count, /^近 30 天诉求：\d+ 件$/)
  await screenshot(page, 'dashboard-map')
  const street = title.replace(/（.*$/, '')

  await page.mouse.click(hit.x, hit.y)
  await page.waitForURL(/#\/search\?/)
  const url = new URL(page.url().replace('#/', ''))
  const area = url.searchParams.get('area')
  const units = (await api(await login('analyst'), 'GET', '/units')).items
  assert.equal(units.find((u) => u.code === area).name, street)
  // The search shows that street in its area filter and lists only tickets in it.
  assert.match(await page.locator('[data-test="search-area"] input').inputValue(), new RegExp(street))
  await page.locator('.el-table__body tr, .el-table__empty-text').first().waitFor()
  const listed = await api(await login('analyst'), 'GET', `/tickets?area=${area}&from=${url.searchParams.get('from')}&per_page=1`)
  const total = Number((await page.locator('.el-pagination__total').innerText()).replace(/\D/g, ''))
  assert.equal(total, listed.total)
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('a citizen marks the place on the portal map; the ticket has that point and that street', async () => {
  const context = await ui.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' })
  const page = await context.newPage()
  page.setDefaultTimeout(15000)
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${BASE}/portal/`)
  await page.locator('[data-test="portal-form"]').waitFor()
  await page.locator('[data-test="portal-type"] .el-radio', { hasText: '投诉' }).click()
  await page.locator('[data-test="portal-content"]').fill('路口的交通信号灯坏了两天，早晚高峰车辆拥堵，请尽快维修。')
  await page.locator('[data-test="portal-name"]').fill('陈先生')
  await page.locator('[data-test="portal-phone"]').fill(`139${String(Date.now()).slice(-8)}`)

  await page.locator('[data-test="portal-map-open"]').click()
  const canvas = page.locator('[data-test="portal-map"] canvas').first()
  await canvas.waitFor()
  await page.waitForTimeout(500)
  const box = await canvas.boundingBox()
  await canvas.scrollIntoViewIfNeeded()
  await canvas.tap({ position: { x: box.width * 0.5, y: box.height * 0.5 } })
  const note = page.locator('[data-test="portal-location-note"]')
  await note.filter({ hasText: '已在地图上标出位置' }).waitFor()
  const street = (await note.innerText()).replace(/^已在地图上标出位置：/, '').replace(/（.*$/, '').trim()
  // The area picker follows the map.
  assert.match(await page.locator('[data-test="portal-area"] input').inputValue(), new RegExp(street))
  await page.waitForTimeout(300)
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  await page.setViewportSize({ width: 390, height: Math.max(844, height) })
  await page.screenshot({ path: join(SHOTS, 'portal-map-picker.png') })
  await page.setViewportSize({ width: 390, height: 844 })

  await page.locator('[data-test="portal-consent"]').click() // the privacy notice, agreed to
  await page.locator('[data-test="portal-submit"]').click()
  const number = (await page.locator('[data-test="portal-number"]').innerText()).trim()

  // Staff see the point and the street; the server's own locator puts the point in the same street.
  const token = await login('operator')
  const [ticket] = (await api(token, 'GET', `/tickets?q=${number}`)).items
  assert.equal(ticket.area && ticket.area.name, street)
  assert.ok(ticket.location && Number.isFinite(ticket.location.lat) && Number.isFinite(ticket.location.lon), JSON.stringify(ticket.location))
  const triage = await api(token, 'POST', '/triage', { content: '交通信号灯坏了', location: ticket.location })
  assert.equal(triage.location && triage.location.street && triage.location.street.code, ticket.area.code)
  assert.deepEqual(errors, [])
  await context.close()
})

test('受理台 shows the official division codes of the typed address, 有歧义 when ambiguous', async (t) => {
  const probe = await api(await login('operator'), 'POST', '/triage', { content: '路灯不亮', address: '江西省抚州市临川区青云街道' })
  if (!probe.division) {
    t.skip('the server has no division data (hotline serve --divisions)')
    return
  }
  const page = await ui.loginAs('operator')
  await page.locator('[data-test="intake-content"]').fill('小区门口的路灯坏了一个多星期，晚上出行不便')
  await page.locator('[data-test="intake-address"]').fill('江西省抚州市临川区青云街道文昌里 12 号')
  const text = page.locator('[data-test="division-text"]')
  await text.filter({ hasText: '江西省 / 抚州市 / 临川区 / 青云街道（361002001）' }).waitFor()
  assert.equal(await page.locator('[data-test="division-ambiguous"]').count(), 0)
  await page.setViewportSize({ width: 1440, height: 1200 })
  await screenshot(page, 'intake-division')
  // A district name found in several provinces: the home-less guess is marked.
  await page.locator('[data-test="intake-address"]').fill('朝阳区建国路 88 号')
  await text.filter({ hasText: '朝阳区（110105）' }).waitFor()
  await page.locator('[data-test="division-ambiguous"]', { hasText: '有歧义' }).waitFor()
  assert.deepEqual(page.errors, [])
  await page.context().close()
})
