// End-to-end (issue 10): 联席会议 and co-handlers in the console, against a running
// demo server in Debian's Chromium:
//   - a street sends a long-running case to joint review; the dispatcher finds it
//     in 派单台's 联席会议 tab, sees why it came, and records the decision (lead,
//     co-unit, participants, minutes), which dispatches it;
//   - the co-unit finds its task in 单位待办's 协办任务 tab and gives its opinion,
//     and the lead unit's reply dialog and the ticket page show it;
//   - a district finds the ticket its street whistled about in 吹哨报到 and adds a
//     co-unit there.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, findRow, openTab, rest, screenshot, submitDialog, useBrowser } from './helpers.mjs'

const UNIT = 'LC-D01-S01' // 东华街道
const { loginAs } = useBrowser()
const stamp = () => String(Date.now()).slice(-6)

async function pickUnit(page, field, name) {
  await page.locator(`.el-dialog:visible [data-test="${field}"] .el-select__wrapper`).click()
  await page.keyboard.type(name)
  await page.locator('.el-select-dropdown:visible .el-tree-node__content:visible', { hasText: new RegExp(`^\\s*${name}\\s*$`) }).first().click()
  await page.keyboard.press('Escape')
}

test('the dispatcher records a joint-review decision, and the co-unit answers on its own task', async () => {
  const t = await rest('operator', 'POST', '/tickets', {
    channel: 'phone', appeal_type: 'complaint', content: `（${stamp()}）人民路施工围挡长期占道，多部门相互推诿`,
    caller: { name: '测试', phone: '13700001111' },
  })
  await rest('operator', 'POST', `/tickets/${t.id}/to-dispatch`, {})
  await rest('dispatcher', 'POST', `/tickets/${t.id}/dispatch`, { unit: UNIT })
  await rest(UNIT, 'POST', `/tickets/${t.id}/sign`, {})
  await rest(UNIT, 'POST', `/tickets/${t.id}/to-joint-review`, { reason: '涉及住建、城管职责交叉，街道无法单独解决' })

  const disp = await loginAs('dispatcher')
  await disp.locator('[data-test="menu-dispatch"]').click()
  await disp.locator('.el-tabs__item', { hasText: '联席会议' }).click()
  const row = await findRow(disp, t)
  await row.locator('[data-test="cmd-decide-joint-review"]').click()
  const dialog = disp.locator('.el-dialog:visible')
  await dialog.getByText('涉及住建、城管职责交叉，街道无法单独解决').waitFor() // why it came, above the form
  await pickUnit(disp, 'field-lead_unit', '东城区')
  await pickUnit(disp, 'field-co_units', '市住房和城乡建设局')
  await dialog.locator('[data-test="field-participants"] input').fill('市热线中心、东城区、市住房和城乡建设局')
  await dialog.locator('[data-test="field-minutes"] textarea').fill('明确由东城区牵头，市住建局配合，三个工作日内联合处置')
  await screenshot(disp, 'joint-review-decision')
  await submitDialog(disp)
  const decided = await rest('supervisor', 'GET', `/tickets/${t.id}`)
  assert.equal(decided.state, 'dispatched')
  assert.equal(decided.lead_unit.code, 'LC-D01')
  assert.deepEqual(decided.joint_reviews.at(-1).participants, ['市热线中心', '东城区', '市住房和城乡建设局'])
  assert.equal(decided.co_tasks[0].unit.code, 'LC-ZJ')

  // The co-unit finds it in 单位待办's 协办任务 tab and gives its opinion there.
  const co = await loginAs('LC-ZJ')
  await openTab(co, '协办任务')
  const task = await findRow(co, t)
  await task.locator('[data-test="cmd-co-reply"]').click()
  await co.locator('.el-dialog:visible [data-test="field-content"] textarea').fill('施工许可齐全，已责令压缩围挡范围')
  await submitDialog(co)
  assert.equal((await rest('supervisor', 'GET', `/tickets/${t.id}`)).co_tasks[0].state, 'replied')
  assert.deepEqual(co.errors, [])
  await co.context().close()
  await rest('LC-D01', 'POST', `/tickets/${t.id}/sign`, {})
  const lead = await loginAs('LC-D01')
  await lead.goto(`${BASE}/#/tickets/${t.id}`)
  await lead.locator('[data-test="ticket-coordination"]', { hasText: '施工许可齐全' }).waitFor()
  await lead.locator('[data-test="ticket-coordination"]', { hasText: '明确由东城区牵头' }).waitFor()
  await lead.locator('[data-test="cmd-reply"]').click()
  await lead.locator('.el-dialog:visible').getByText(/市住房和城乡建设局.*施工许可齐全/).waitFor() // the co-unit's opinion
  await screenshot(lead, 'ticket-coordination')
  assert.deepEqual(disp.errors, [])
  assert.deepEqual(lead.errors, [])
  await disp.context().close()
  await lead.context().close()
})

test('a district finds a whistled ticket in 吹哨报到 and adds a co-unit there', async () => {
  const t = await rest('operator', 'POST', '/tickets', {
    channel: 'phone', appeal_type: 'complaint', content: `（${stamp()}）小区门口占道经营，街道多次劝离无效`,
    caller: { name: '测试', phone: '13700002222' },
  })
  await rest('operator', 'POST', `/tickets/${t.id}/to-dispatch`, {})
  await rest('dispatcher', 'POST', `/tickets/${t.id}/dispatch`, { unit: UNIT })
  await rest(UNIT, 'POST', `/tickets/${t.id}/sign`, {})
  await rest(UNIT, 'POST', `/tickets/${t.id}/whistle`, { to_unit: 'LC-D01', reason: '需城管执法，街道协调未果' })

  const district = await loginAs('LC-D01')
  await openTab(district, '吹哨报到')
  const row = await findRow(district, t)
  await row.locator('[data-test="cmd-add-co-units"]').click()
  await pickUnit(district, 'field-co_units', '市城市管理局')
  await submitDialog(district)
  const after = await rest('supervisor', 'GET', `/tickets/${t.id}`)
  assert.equal(after.co_tasks.at(-1).unit.code, 'LC-CG')
  assert.deepEqual(district.errors, [])
  await district.context().close()
})
