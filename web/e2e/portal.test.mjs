// End-to-end: the citizen portal (/portal/) on a phone-sized screen, driven in
// Debian's Chromium through playwright-core, against a running demo server
// (`hotline serve --demo`, serving web/dist). Base URL from HOTLINE_URL.
//
// A citizen finds the place by its address (the pin goes to the street), adds a
// photo, agrees to the privacy notice, submits an appeal and gets its number and
// query code, tracks it (待处理); staff take it through dispatch, sign, reply and
// review over the REST API (faster than their screens, which lifecycle.test.mjs
// covers) and see the photo; the citizen then sees 待回访 (the timeline ending on
// the same words), evaluates 满意 online with a comment and sees 已办结; and
// searches the knowledge base.
//
// The public endpoints are rate-limited per client address (30 submissions an
// hour, 20 failed lookups per 10 minutes): each run submits one appeal and makes
// one failed lookup. Restart the server if a run meets 429.
import { before, test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { BASE, SHOTS, api, login, useBrowser } from './helpers.mjs'

const UNIT = 'LC-D01-S01' // 东华街道
const PHONE = { width: 390, height: 844 }

const ui = useBrowser()
let page
const state = {} // the appeal being followed: number, code, id

before(async () => {
  const context = await (await ui.start()).newContext({
    viewport: PHONE, isMobile: true, hasTouch: true, locale: 'zh-CN',
    permissions: ['clipboard-read', 'clipboard-write'],
  })
  page = await context.newPage()
  page.setDefaultTimeout(15000)
  page.errors = []
  page.on('pageerror', (e) => page.errors.push(e.message))
})

/** The whole page as a phone would scroll through it (the tab bar stays at the bottom). */
async function screenshot(name) {
  // Earlier toasts (e.g. 已复制) would cover the header: wait for them to go.
  await page.locator('.el-message').first().waitFor({ state: 'detached', timeout: 6000 }).catch(() => {})
  await page.waitForTimeout(300) // let transitions settle
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  await page.setViewportSize({ width: PHONE.width, height: Math.max(PHONE.height, height) })
  await page.screenshot({ path: join(SHOTS, `${name}.png`) })
  await page.setViewportSize(PHONE)
}

// ------------------------------------------------------------ staff, over the REST API

async function command(username, name, body = {}) {
  const ticket = await api(await login(username), 'POST', `/tickets/${state.id}/${name}`, body)
  return ticket.state
}

// ------------------------------------------------------------ the citizen

test('a citizen submits an appeal and gets its number and query code', async () => {
  await page.goto(`${BASE}/portal/`)
  await page.locator('[data-test="portal-form"]').waitFor()

  // Nothing filled in: the form says what is missing and sends nothing.
  await page.locator('[data-test="portal-submit"]').click()
  await page.locator('.el-form-item__error', { hasText: '请选择诉求类型' }).waitFor()
  await page.locator('.el-form-item__error', { hasText: '请填写联系电话' }).waitFor()

  await page.locator('[data-test="portal-type"] .el-radio', { hasText: '求助' }).click()
  await page.locator('[data-test="portal-content"]').fill('幸福里小区 5 号楼前的井盖松动，踩上去会翻转，老人孩子经过很危险，请尽快处理。')
  await page.locator('[data-test="portal-name"]').fill('李女士')
  await page.locator('[data-test="portal-phone"]').fill(`138 ${String(Date.now()).slice(-8, -4)} ${String(Date.now()).slice(-4)}`)
  await page.locator('[data-test="portal-address"]').fill('东城区东华街道幸福里小区 5 号楼')
  // The address places the pin: the map opens on the street the address names.
  await page.locator('[data-test="portal-address-locate"]').click()
  await page.locator('[data-test="portal-location-note"]', { hasText: '已按地址定位到' }).waitFor()
  await page.locator('[data-test="portal-map-chart"] canvas').first().waitFor()
  assert.equal(await page.locator('[data-test="portal-mismatch"]').count(), 0)
  // A photo of the spot (JPEG bytes; sent after submitting, with the number and code).
  await page.locator('[data-test="portal-photo-input"]').setInputFiles({
    name: '井盖.jpg', mimeType: 'image/jpeg', buffer: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048)]),
  })
  await page.locator('[data-test="portal-photo"]', { hasText: '井盖.jpg' }).waitFor()
  // 所在区域: district → street → community, a tap on each name.
  await page.locator('[data-test="portal-area"]').click()
  const areas = page.locator('.portal-area-popper:visible')
  await areas.locator('.el-cascader-node', { hasText: '东城区' }).click()
  await areas.locator('.el-cascader-node', { hasText: '东华街道' }).click()
  await areas.locator('.el-cascader-node', { hasText: '幸福里社区' }).click()
  await page.keyboard.press('Escape')
  await areas.waitFor({ state: 'hidden' })
  assert.match(await page.locator('[data-test="portal-area"] input').inputValue(), /幸福里社区/)
  await page.locator('[data-test="portal-advanced"] .el-collapse-item__header').click()
  // The pin is at the street's centre (data/demo/street_centers.csv: 东华街道).
  assert.equal(await page.locator('[data-test="portal-lat"]').inputValue(), '27.95')
  assert.equal(await page.locator('[data-test="portal-lon"]').inputValue(), '116.36')
  await assert.doesNotReject(page.locator('.el-form-item__error').first().waitFor({ state: 'detached', timeout: 3000 }))

  // The privacy notice must be agreed to before anything is sent.
  await page.locator('[data-test="portal-submit"]').click()
  await page.locator('[data-test="portal-consent-error"]').waitFor()
  assert.match(await page.locator('[data-test="portal-privacy"]').innerText(), /谁能看到您的电话/)
  await page.locator('[data-test="portal-consent"]').click()
  await page.locator('[data-test="portal-consent-error"]').waitFor({ state: 'detached' })
  await screenshot('portal-submit')

  await page.locator('[data-test="portal-submit"]').click()
  const result = page.locator('[data-test="portal-result"]')
  await result.waitFor()
  state.number = (await result.locator('[data-test="portal-number"]').innerText()).trim()
  state.code = (await result.locator('[data-test="portal-code"]').innerText()).trim()
  assert.match(state.number, /^LC\d{14}$/)
  assert.match(state.code, /^\d{6}$/)
  assert.match(await result.locator('[data-test="portal-remember"]').innerText(), /请牢记工单编号和查询码/)
  await result.locator('[data-test="portal-photo-status"]', { hasText: '井盖.jpg已上传' }).waitFor()

  await result.locator('[data-test="portal-copy"]').click()
  await page.locator('.el-message', { hasText: '已复制' }).waitFor()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  assert.ok(copied.includes(state.number) && copied.includes(state.code), copied)
  await screenshot('portal-submitted')

  // The staff side sees a web appeal with the same query code, located where the citizen said.
  const found = await api(await login('operator'), 'GET', `/tickets?q=${state.number}`)
  assert.equal(found.total, 1)
  const [ticket] = found.items
  state.id = ticket.id
  assert.equal(ticket.channel, 'web')
  assert.equal(ticket.query_code, state.code)
  assert.deepEqual(ticket.location, { lat: 27.95, lon: 116.36 })
  assert.equal(ticket.area && ticket.area.code, 'LC-D01-S01-C01')
  // Staff see the citizen's photo among the ticket's files.
  const files = await api(await login('operator'), 'GET', `/tickets/${state.id}/attachments`)
  assert.deepEqual(files.items.map((f) => [f.name, f.content_type, f.uploaded_by]), [['井盖.jpg', 'image/jpeg', 'portal']])
  assert.deepEqual(page.errors, [])
})

test('the citizen tracks it: 待处理', async () => {
  await page.locator('[data-test="portal-go-track"]').click()
  // The number comes with the link, the code from this device's list of submissions.
  await page.locator('[data-test="portal-state"]', { hasText: '待处理' }).waitFor()
  assert.equal(await page.locator('[data-test="portal-track-code"]').inputValue(), state.code)
  assert.equal((await page.locator('[data-test="portal-unit"]').innerText()).trim(), '尚未派单')
  assert.deepEqual(await page.locator('[data-test="portal-step"]').allInnerTexts(), ['提交诉求'])
  assert.equal(await page.locator('[data-test="portal-evaluate"]').count(), 0)
})

test('a wrong query code finds nothing', async () => {
  await page.goto(`${BASE}/portal/#/track`)
  await page.locator('[data-test="portal-track-number"]').fill(state.number.toLowerCase())
  await page.locator('[data-test="portal-track-code"]').fill(state.code === '000000' ? '111111' : '000000')
  await page.locator('[data-test="portal-track-submit"]').click()
  const error = page.locator('[data-test="portal-track-error"]')
  await error.waitFor()
  assert.equal((await error.innerText()).trim(), '未找到：请核对工单编号和查询码')
  assert.equal(await page.locator('[data-test="portal-view"]').count(), 0)
})

test('after staff handle it, the citizen sees 待回访 and evaluates 满意 → 已办结', async () => {
  assert.equal(await command('operator', 'to-dispatch'), 'to_dispatch')
  assert.equal(await command('dispatcher', 'dispatch', { unit: UNIT }), 'dispatched')
  assert.equal(await command(UNIT, 'sign'), 'in_progress')
  const reply = '经现场查看，已更换 5 号楼前松动的井盖并加固底座，现已恢复正常通行。'
  assert.equal(await command(UNIT, 'reply', { content: reply, result: 'resolved' }), 'replied')
  assert.equal(await command('callback', 'review', { accept: true }), 'to_callback')

  // The citizen picks the ticket from this device's list.
  await page.goto(`${BASE}/portal/#/track`)
  await page.locator('[data-test="portal-recent"] button', { hasText: state.number }).click()
  await page.locator('[data-test="portal-state"]', { hasText: '待回访' }).waitFor()
  assert.equal((await page.locator('[data-test="portal-unit"]').innerText()).trim(), '东华街道')
  assert.match(await page.locator('[data-test="portal-reply"]').innerText(), /已更换 5 号楼前松动的井盖/)
  const evaluate = page.locator('[data-test="portal-evaluate"]')
  await evaluate.waitFor()
  assert.deepEqual(await page.locator('[data-test="portal-step"]').allInnerTexts(),
    ['承办单位答复', '承办单位接收', '派往承办单位', '转交派单', '提交诉求'])
  // The timeline ends on the state the header shows (the review in between is the hotline's own).
  assert.equal((await page.locator('[data-test="portal-step-state"]').first().innerText()).trim(), '→ 待回访')
  await screenshot('portal-track')

  // Both answers are needed.
  await evaluate.locator('[data-test="portal-satisfaction"] .el-radio', { hasText: /^\s*满意\s*$/ }).click()
  await evaluate.locator('[data-test="portal-evaluate-submit"]').click()
  await evaluate.locator('.el-form-item__error', { hasText: '请选择问题是否已解决' }).waitFor()
  await evaluate.locator('[data-test="portal-resolved"] .el-radio', { hasText: '已解决' }).click()
  // Not satisfied would ask why; satisfied does not.
  await evaluate.locator('[data-test="portal-satisfaction"] .el-radio', { hasText: '不满意' }).click()
  await evaluate.locator('[data-test="portal-dissatisfaction"]').waitFor()
  await evaluate.locator('[data-test="portal-satisfaction"] .el-radio', { hasText: /^\s*满意\s*$/ }).click()
  await evaluate.locator('[data-test="portal-dissatisfaction"]').waitFor({ state: 'detached' })
  const comment = '处理很及时，谢谢街道的工作人员。'
  await evaluate.locator('[data-test="portal-comment"]').fill(comment)
  await screenshot('portal-evaluate')
  await evaluate.locator('[data-test="portal-evaluate-submit"]').click()

  await page.locator('[data-test="portal-state"]', { hasText: '已办结' }).waitFor()
  await page.locator('.el-message--success', { hasText: '感谢' }).waitFor()
  assert.equal((await page.locator('[data-test="portal-satisfaction-given"]').innerText()).trim(), '满意')
  assert.equal(await page.locator('[data-test="portal-evaluate"]').count(), 0)
  assert.equal((await page.locator('[data-test="portal-step"]').first().innerText()).trim(), '回访评价')
  await screenshot('portal-closed')

  const ticket = await api(await login('callback'), 'GET', `/tickets/${state.id}`)
  assert.equal(ticket.state, 'closed')
  assert.equal(ticket.satisfaction, 'satisfied')
  assert.equal(ticket.resolved, true)
  assert.ok(JSON.stringify(ticket.events).includes(comment), 'the comment is kept with the callback')
  assert.deepEqual(page.errors, [])
})

test('the knowledge base: search, open an answer, come back to the results', async () => {
  await page.locator('[data-test="portal-tab-kb"]').click()
  await page.locator('[data-test="portal-kb-results"]').waitFor() // common questions before any search
  await page.locator('[data-test="portal-kb-q"]').fill('公积金提取')
  await page.locator('[data-test="portal-kb-search"]').click()
  const results = page.locator('[data-test="portal-kb-results"]', { hasText: '公积金提取' })
  await results.waitFor()
  const hits = results.locator('[data-test="portal-kb-hit"]')
  assert.ok((await hits.count()) > 0, 'search finds answers')
  assert.match(await hits.first().innerText(), /公积金/)
  assert.ok((await hits.first().locator('em').count()) > 0, 'matched words are marked')
  await screenshot('portal-kb')

  const question = (await hits.first().locator('.question').innerText()).replace(/…$/, '').trim()
  await hits.first().click()
  await page.locator('[data-test="portal-kb-answer"]').waitFor()
  assert.ok((await page.locator('[data-test="portal-kb-question"]').innerText()).startsWith(question))
  assert.ok((await page.locator('[data-test="portal-kb-answer"]').innerText()).length > 20)
  await page.locator('[data-test="portal-kb-back"]').click()
  await page.locator('[data-test="portal-kb-results"]', { hasText: '公积金提取' }).waitFor()
  assert.equal(await page.locator('[data-test="portal-kb-q"]').inputValue(), '公积金提取')
  assert.deepEqual(page.errors, [])
})
