// End-to-end: one appeal through its whole life in the staff console, driven in
// Debian's Chromium through playwright-core, against a running demo server
// (`hotline serve --demo`, serving web/dist). Base URL from HOTLINE_URL.
//
//   HOTLINE_URL=http://127.0.0.1:8099 npm run e2e
//
// Screenshots of the main screens go to docs/screenshots/ (HOTLINE_SCREENSHOTS=DIR to put them elsewhere).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, findRow as findTicketRow, openTab, rest, screenshot, submitDialog, useBrowser } from './helpers.mjs'

const UNIT = 'LC-D01-S01' // 东华街道
const OTHER_UNIT = 'LC-D02-S01' // 湖滨街道

const state = {} // shared across the steps: the ticket being followed

const { loginAs } = useBrowser()

/** Our ticket's row in the current work queue. */
const findRow = (page) => findTicketRow(page, state)

async function logout(page) {
  await page.context().close()
}

test('operator records an appeal on 受理台 and sends it to dispatch', async () => {
  const page = await loginAs('operator', { shot: 'login' })
  assert.match(page.url(), /#\/intake$/)
  const phone = `139${String(Date.now()).slice(-8)}`
  state.phone = phone
  await page.locator('[data-test="intake-phone"]').fill(phone)
  await page.locator('[data-test="caller-history"] [data-test="history-empty"]').waitFor() // 来电弹屏 looked it up
  await page.locator('[data-test="intake-name"]').fill('张三')
  await page.locator('[data-test="intake-address"]').fill('东城区东华街道幸福里小区 3 号楼')
  await page.locator('[data-test="intake-type"] .el-radio-button', { hasText: '求助' }).click()
  await page.locator('[data-test="intake-content"]').fill('幸福里小区 3 号楼门前路灯连续一周不亮，夜间出行不便，请尽快修复。')
  await page.locator('[data-test="intake-save"]').click()

  const outcome = page.locator('[data-test="intake-outcome"]')
  await outcome.waitFor()
  const href = await outcome.locator('[data-test="intake-view"]').getAttribute('href')
  state.id = Number(/tickets\/(\d+)/.exec(href)[1])
  state.number = /工单\s*(\S+)/.exec(await outcome.locator('h2').innerText())[1]
  assert.ok(state.id > 0 && state.number)
  await screenshot(page, 'intake')

  await outcome.locator('[data-test="cmd-to-dispatch"]').click()
  await outcome.locator('[data-test="intake-done"]', { hasText: '待派单' }).waitFor()
  assert.deepEqual(page.errors, [])
  await logout(page)
})

test('dispatcher dispatches it to 东华街道 from 派单台', async () => {
  const page = await loginAs('dispatcher')
  assert.match(page.url(), /#\/dispatch$/)
  const row = await findRow(page)
  await screenshot(page, 'dispatch')
  await row.locator('[data-test="cmd-dispatch"]').click()
  const dialog = page.locator('.el-dialog:visible')
  await dialog.locator('[data-test="field-unit"] .el-select__wrapper').click()
  await page.keyboard.type('东华街道')
  await page.locator('.el-select-dropdown:visible .el-tree-node__content', { hasText: /^\s*东华街道\s*$/ }).click()
  await screenshot(page, 'dispatch-dialog')
  await submitDialog(page)
  await page.locator('.el-message--success').first().waitFor()
  assert.deepEqual(page.errors, [])
  await logout(page)
})

test('the street office signs for it and replies on 单位待办', async () => {
  const page = await loginAs(UNIT)
  assert.match(page.url(), /#\/inbox$/)
  let row = await findRow(page)
  await screenshot(page, 'inbox')
  await row.locator('[data-test="cmd-sign"]').click()
  await page.locator('.el-message--success').first().waitFor()

  await openTab(page, '办理中')
  row = await findRow(page)
  await row.locator('[data-test="cmd-reply"]').click()
  const dialog = page.locator('.el-dialog:visible')
  await dialog.locator('[data-test="field-content"] textarea').fill('已安排维修人员更换灯泡和线路，路灯已恢复照明。')
  await dialog.locator('[data-test="field-result"] .el-radio-button', { hasText: '已解决' }).click()
  // The reply form: how the citizen was reached (the time defaults to now) and who handled it.
  await dialog.locator('[data-test="field-contact_method"] .el-radio-button', { hasText: '上门走访' }).click()
  await dialog.locator('[data-test="field-handler"] input').fill('李东华')
  await dialog.locator('[data-test="field-handler_phone"] input').fill('0794-8261234')
  await screenshot(page, 'reply-dialog')
  await submitDialog(page)
  assert.deepEqual(page.errors, [])
  await logout(page)
})

test('the callback agent accepts the reply and records 满意', async () => {
  const page = await loginAs('callback')
  assert.match(page.url(), /#\/callback$/)
  let row = await findRow(page)
  await screenshot(page, 'callback')
  await row.locator('[data-test="cmd-review"]').click()
  // The reviewer decides on the reply itself, shown in the dialog with who gave it.
  let dialog = page.locator('.el-dialog:visible')
  await dialog.locator('[data-test="fact-reply"]', { hasText: '路灯已恢复照明' }).waitFor()
  await dialog.locator('[data-test="fact-repliedBy"]', { hasText: '东华街道' }).waitFor()
  await dialog.locator('[data-test="fact-handler"]', { hasText: '李东华 0794-8261234' }).waitFor()
  await submitDialog(page) // 通过 is the default

  await openTab(page, '待回访')
  row = await findRow(page)
  await row.locator('[data-test="cmd-callback"]').click()
  dialog = page.locator('.el-dialog:visible')
  // The agent dials the caller and reads the reply back: both are in the dialog.
  assert.equal(await dialog.locator('[data-test="fact-callerPhone"]').innerText(), state.phone)
  await dialog.locator('[data-test="fact-reply"]', { hasText: '路灯已恢复照明' }).waitFor()
  await dialog.locator('[data-test="field-satisfaction"] .el-radio-button', { hasText: /^满意$/ }).click()
  await dialog.locator('[data-test="field-content"] textarea').fill('市民确认路灯已亮，表示感谢。')
  await screenshot(page, 'callback-dialog')
  await submitDialog(page)

  await page.goto(`${BASE}/#/tickets/${state.id}`)
  await page.locator('[data-test="ticket-number"]', { hasText: state.number }).waitFor()
  await page.locator('.page-title [data-test="state"]', { hasText: '已办结' }).waitFor()
  const commands = await page.locator('[data-test="timeline"] [data-test="event-command"]').allInnerTexts()
  assert.deepEqual(commands, ['受理登记', '转派单', '派单', '签收', '答复', '审核答复', '回访'])
  await screenshot(page, 'ticket')
  assert.deepEqual(page.errors, [])
  await logout(page)
})

test('another street cannot open the ticket', async () => {
  const page = await loginAs(OTHER_UNIT)
  await page.goto(`${BASE}/#/tickets/${state.id}`)
  const error = page.locator('[data-test="ticket-error"]')
  await error.waitFor()
  assert.match(await error.innerText(), /不属于您的单位/)
  await screenshot(page, 'forbidden')
  await logout(page)
})

test('the other screens render for their roles', async () => {
  const supervisor = await loginAs('supervisor')
  await supervisor.goto(`${BASE}/#/supervise`)
  await supervisor.locator('[data-test="ticket-table"]').first().waitFor()
  await supervisor.locator('.el-loading-mask').first().waitFor({ state: 'hidden' }).catch(() => {})
  await screenshot(supervisor, 'supervise')
  assert.deepEqual(supervisor.errors, [])
  await logout(supervisor)

  const analyst = await loginAs('analyst')
  await analyst.goto(`${BASE}/#/search`)
  await analyst.locator('.el-table__body tr').first().waitFor()
  await screenshot(analyst, 'search')
  await analyst.goto(`${BASE}/#/dashboard`)
  // One stats request draws the whole screen: five KPI cards and five charts.
  await analyst.locator('[data-test="updated-at"]').waitFor()
  await analyst.locator('[data-test="chart"] canvas').nth(4).waitFor()
  assert.match(await analyst.locator('[data-test="kpi-today"] [data-test="kpi-value"]').innerText(), /^\d+$/)
  assert.match(await analyst.locator('[data-test="kpi-satisfactionRate"] [data-test="kpi-value"]').innerText(), /^(\d+\.\d%|—)$/)
  await analyst.setViewportSize({ width: 1920, height: 1080 }) // the size of a wall screen
  await analyst.waitForTimeout(500) // charts follow their boxes
  await screenshot(analyst, 'dashboard')
  const menu = await analyst.locator('[data-test="menu"] .el-menu-item').allInnerTexts()
  assert.deepEqual(menu.map((s) => s.trim()), ['工单查询', '知识库', '数据大屏', '时限规则', '工作日历', '动态清零台账'])
  assert.deepEqual(analyst.errors, [])
  await logout(analyst)
})

test('受理台 flags a fire as it is typed: the 119 banner, and 紧急转接 in one click', async () => {
  const page = await loginAs('operator')
  await page.locator('[data-test="intake-address"]').fill('东城区东华街道幸福里小区 3 号楼')
  await page.locator('[data-test="intake-content"]').pressSequentially('楼下饭店着火了，浓烟很大', { delay: 20 })
  const banner = page.locator('[data-test="emergency-banner"]')
  await banner.waitFor()
  assert.match(await banner.innerText(), /119/)
  assert.match(await banner.innerText(), /着火/)
  await page.locator('[data-test="suggest-alerts"] [data-test="alerts-emergency"]', { hasText: '119' }).waitFor()
  // The place from the address, and the time the server took.
  await page.locator('[data-test="location-path"]', { hasText: '东华街道' }).waitFor()
  assert.match(await page.locator('[data-test="triage-elapsed"]').innerText(), /分析耗时 [\d.]+ ms/)
  const model = page.locator('[data-test="suggest-categories"]')
  assert.ok(/未加载分类模型/.test(await model.innerText()) || (await model.locator('[data-test="category-suggestion"]').count()) > 0)
  // The recognised place fills the area field in one click.
  await page.locator('[data-test="location-set-area"]').click()
  await page.locator('[data-test="suggest-location"]', { hasText: '已设为所属区域' }).waitFor()
  assert.match(await page.locator('[data-test="intake-area"] input').inputValue(), /幸福里社区/)
  // With a category the router suggests the handling unit, and 直接派单 would preselect it.
  await page.locator('[data-test="intake-category"] .el-cascader').click()
  await page.keyboard.type('消防安全')
  await page.locator('.el-cascader__suggestion-item', { hasText: /消防安全$/ }).first().click()
  await page.locator('[data-test="suggest-units"] [data-test="unit-suggestion"]').first().waitFor()
  assert.match(await page.locator('[data-test="suggest-units"]').innerText(), /分派目录/)
  await page.setViewportSize({ width: 1440, height: 1500 }) // every panel in one picture
  await screenshot(page, 'intake-suggestions')
  await page.setViewportSize({ width: 1440, height: 900 })

  await banner.locator('[data-test="emergency-transfer-119"]').click() // saves the ticket, then transfers
  await page.locator('[data-test="intake-done"]', { hasText: '已紧急转接' }).waitFor()
  await banner.locator('[data-test="emergency-done"]', { hasText: '已转接 119' }).waitFor()
  assert.deepEqual(page.errors, [])
  await logout(page)
})

test('受理台 finds the knowledge-base answer to a 社保卡 question and answers directly with it', async () => {
  const page = await loginAs('operator')
  await page.locator('[data-test="intake-phone"]').fill(`137${String(Date.now()).slice(-8)}`)
  await page.locator('[data-test="intake-content"]').fill('来电人咨询：社保卡丢了怎么补办？')
  const hit = page.locator('[data-test="suggest-kb"] [data-test^="kb-hit-"]').first()
  await hit.waitFor()
  const id = (await hit.getAttribute('data-test')).replace('kb-hit-', '')
  assert.match(await hit.locator('[data-test="kb-question"]').innerText(), /社保卡/)
  assert.ok((await hit.locator('[data-test="kb-question"] em').count()) > 0, 'matched words are marked')
  await hit.locator('[data-test="kb-expand"]').click()
  await hit.locator('[data-test="kb-answer"]', { hasText: /\S{10}/ }).waitFor()
  const answer = (await hit.locator('[data-test="kb-answer"]').innerText()).trim()

  await hit.locator('[data-test="kb-use"]').click() // saves the ticket, then offers the answer
  const dialog = page.locator('.el-dialog:visible')
  await dialog.locator('[data-test="dialog-answer-directly"]').waitFor()
  assert.equal(await dialog.locator('[data-test="field-kb_entry"] input').inputValue(), id)
  assert.equal((await dialog.locator('[data-test="field-content"] textarea').inputValue()).trim(), answer)
  await submitDialog(page)
  await page.locator('[data-test="intake-done"]', { hasText: '已直办' }).waitFor()
  await page.locator('[data-test="intake-kb-entry"]', { hasText: id }).waitFor()

  await page.locator('[data-test="intake-view"]').click()
  await page.locator('.page-title [data-test="state"]', { hasText: '已直办' }).waitFor()
  assert.match(await page.locator('[data-test="ticket-fields"]').innerText(), new RegExp(id))
  assert.deepEqual(page.errors, [])
  await logout(page)
})

test('知识库: search, then a supervisor creates, edits (meeting a concurrent edit) and withdraws an entry', async () => {
  const page = await loginAs('supervisor')
  await page.locator('[data-test="menu-kb"]').click()
  await page.locator('[data-test="kb-q"]').fill('社保卡')
  await page.locator('[data-test="kb-search"]').click()
  await page.locator('[data-test="kb-hits"]').waitFor()
  await page.locator('[data-test="kb-table"] .el-table__body tr em', { hasText: '社保' }).first().waitFor()
  await screenshot(page, 'kb')

  const question = `e2e 测试条目 ${Date.now()}`
  await page.locator('[data-test="kb-create"]').click()
  let dialog = page.locator('.el-dialog:visible')
  await dialog.locator('[data-test="kb-form-question"]').fill(question)
  await dialog.locator('[data-test="kb-form-answer"]').fill('这是端到端测试写入的答案。')
  await dialog.locator('[data-test="kb-form-public"]').click() // internal only: keep it off the portal
  await dialog.locator('[data-test="kb-form-submit"]').click()
  await page.locator('[data-test="kb-entry-question"]', { hasText: question }).waitFor()
  const id = (await page.locator('[data-test="kb-entry-id"]').innerText()).trim()
  assert.equal(await page.locator('[data-test="kb-entry-version"]').innerText(), '1')

  await page.locator('[data-test="kb-edit"]').click()
  dialog = page.locator('.el-dialog:visible')
  await dialog.locator('[data-test="kb-form-answer"]').fill('这是修改后的答案。')
  await dialog.locator('[data-test="kb-form-submit"]').click()
  await page.locator('[data-test="kb-entry-version"]', { hasText: '2' }).waitFor()
  assert.equal(await page.locator('[data-test="kb-versions"] [data-test="kb-version"]').count(), 2)

  // Someone else saves version 3 while this editor still has version 2 open.
  await page.locator('[data-test="kb-edit"]').click()
  dialog = page.locator('.el-dialog:visible')
  const current = await rest('admin', 'GET', `/kb/${id}`)
  await rest('admin', 'PUT', `/kb/${id}`, { question, answer: '管理员同时修改的答案。', public: false, version: current.version })
  await dialog.locator('[data-test="kb-form-answer"]').fill('我的修改')
  await dialog.locator('[data-test="kb-form-submit"]').click()
  await dialog.locator('[data-test="kb-form-error"]', { hasText: '该条目已被他人修改，请刷新后重试' }).waitFor()
  await dialog.locator('[data-test="kb-form-refresh"]').click()
  await page.locator('[data-test="kb-entry-answer"]', { hasText: '管理员同时修改的答案。' }).waitFor()
  assert.equal(await page.locator('[data-test="kb-entry-version"]').innerText(), '3')

  await page.locator('[data-test="kb-withdraw"]').click()
  await page.locator('.el-message-box .el-button--primary').click()
  await page.locator('[data-test="kb-entry-withdrawn"]').waitFor()
  assert.equal(await page.locator('[data-test="kb-versions"] [data-test="kb-version"]').count(), 4)
  assert.deepEqual(page.errors, [])
  await logout(page)
})
