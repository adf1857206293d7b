// End-to-end (issue 9): no appeal falls between queues, and every decision shows
// what it decides on. Against a running demo server, in Debian's Chromium:
//   - a portal appeal appears in 待受理 with its waiting time and urgent cues, and
//     the operator sends it on from the row;
//   - a ticket a street sent back shows who returned it and why, in the queue and
//     in the dispatch dialog, and the dispatcher takes a suggested unit in one click;
//   - the supervisor sees the days and reason of an extension request, and is
//     offered the decision only while one is pending;
//   - an unsatisfied callback asks why, and the reason is kept on the ticket.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, api, findRow, rest, screenshot, submitDialog, useBrowser } from './helpers.mjs'

const UNIT = 'LC-D01-S01' // 东华街道

const { loginAs } = useBrowser()
const stamp = () => String(Date.now()).slice(-6)

/** A phone intake sent to 东华街道 and signed there, by REST. */
async function ticketAtStreet(content) {
  const t = await rest('operator', 'POST', '/tickets', {
    channel: 'phone', appeal_type: 'complaint', content, caller: { name: '测试', phone: '13700001111' },
  })
  await rest('operator', 'POST', `/tickets/${t.id}/to-dispatch`, {})
  await rest('dispatcher', 'POST', `/tickets/${t.id}/dispatch`, { unit: UNIT })
  await rest(UNIT, 'POST', `/tickets/${t.id}/sign`, {})
  return t
}

test('a portal appeal waits in 待受理 with its urgency, and the operator sends it on', async () => {
  const submitted = await api('', 'POST', '/public/appeals', {
    appeal_type: 'help',
    content: `（${stamp()}）小区突然停电，家里老人在用制氧机，请尽快联系供电恢复`,
    caller: { name: '王女士', phone: '13600002222' },
    address: '东华街道幸福里小区 5 号楼',
  })
  const page = await loginAs('operator')
  await page.locator('[data-test="menu-pending"]').click()
  await page.waitForURL(/#\/pending$/)
  await page.locator('.el-tabs__item', { hasText: /^待受理 \(\d+\)$/ }).waitFor() // the count, before the tab is read
  // The portal answers with the number and query code only; staff look the ticket up by number.
  const found = await rest('operator', 'GET', `/tickets?q=${submitted.number}`)
  const ticket = { id: found.items[0].id, number: submitted.number }
  const row = await findRow(page, ticket)
  const waiting = row.locator(`[data-test="waiting-${ticket.id}"]`)
  assert.equal(await waiting.getAttribute('data-alarm'), 'urgent')
  assert.match(await waiting.innerText(), /医疗设备/)
  assert.match(await waiting.innerText(), /老人/)
  await screenshot(page, 'pending')
  await row.locator('[data-test="cmd-to-dispatch"]').click()
  await page.locator('.el-message--success').first().waitFor()
  const after = await rest('operator', 'GET', `/tickets/${ticket.id}`)
  assert.equal(after.state, 'to_dispatch')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('a returned ticket shows who sent it back and why', async () => {
  const t = await ticketAtStreet(`（${stamp()}）河道垃圾堆积，影响周边环境`)
  await rest(UNIT, 'POST', `/tickets/${t.id}/return`, { reason: '河道归水务局管理，不属于本街道' })
  const page = await loginAs('dispatcher')
  await page.locator('.el-tabs__item', { hasText: '被退回' }).click()
  const row = await findRow(page, t)
  assert.match(await row.locator(`[data-test="returned-${t.id}"]`).innerText(), /东华街道.*不属于本街道/)
  await row.locator('[data-test="cmd-dispatch"]').click()
  const dialog = page.locator('.el-dialog:visible')
  await dialog.locator('[data-test="fact-returnedBy"]', { hasText: '东华街道' }).waitFor()
  await dialog.locator('[data-test="fact-returnReason"]', { hasText: '河道归水务局管理' }).waitFor()
  // The intake desk's suggestions are offered here too: one click takes one.
  await dialog.locator('[data-test="dispatch-suggestion"]').first().waitFor()
  await screenshot(page, 'dispatch-returned')
  await dialog.locator('[data-test="dispatch-suggestion-choose"]').first().click()
  await submitDialog(page)
  const dispatched = await rest('dispatcher', 'GET', `/tickets/${t.id}`)
  assert.equal(dispatched.state, 'dispatched')
  assert.ok(dispatched.lead_unit && dispatched.lead_unit.code)
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('the supervisor decides an extension on its days and reason, offered only while pending', async () => {
  const t = await ticketAtStreet(`（${stamp()}）老旧小区屋面漏水，需维修`)
  const before = await rest('supervisor', 'GET', `/tickets/${t.id}`)
  assert.ok(!before.available_commands.includes('decide-extension'), 'nothing pending: no decision offered')
  await rest(UNIT, 'POST', `/tickets/${t.id}/request-extension`, { days: 5, reason: '需维修基金审批，等待业主表决' })
  const page = await loginAs('supervisor')
  await page.locator('.el-tabs__item', { hasText: '延期审批' }).click()
  const row = await findRow(page, t)
  await row.locator('[data-test="cmd-decide-extension"]').click()
  const dialog = page.locator('.el-dialog:visible')
  assert.equal(await dialog.locator('[data-test="fact-extensionDays"]').innerText(), '5')
  await dialog.locator('[data-test="fact-extensionReason"]', { hasText: '等待业主表决' }).waitFor()
  await dialog.locator('[data-test="extension-history"]', { hasText: '申请延期 5 个工作日' }).waitFor()
  await screenshot(page, 'extension-dialog')
  await submitDialog(page)
  const decided = await rest('supervisor', 'GET', `/tickets/${t.id}`)
  assert.equal(decided.extension.pending, false)
  assert.ok(!decided.available_commands.includes('decide-extension'))
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

test('an unsatisfied callback asks why and keeps the answer', async () => {
  const t = await ticketAtStreet(`（${stamp()}）楼下餐馆油烟直排`)
  await rest(UNIT, 'POST', `/tickets/${t.id}/reply`, { content: '已要求餐馆安装油烟净化设备。', result: 'resolved' })
  await rest('dispatcher', 'POST', `/tickets/${t.id}/review`, { accept: true })
  const page = await loginAs('callback')
  await page.locator('.el-tabs__item', { hasText: '待回访' }).click()
  const row = await findRow(page, t)
  await row.locator('[data-test="cmd-callback"]').click()
  const dialog = page.locator('.el-dialog:visible')
  await dialog.locator('[data-test="field-satisfaction"] .el-radio-button', { hasText: /^不满意$/ }).click()
  await dialog.locator('[data-test="field-resolved"] .el-radio-button', { hasText: '否' }).click()
  await dialog.locator('[data-test="dialog-submit"]').click()
  await dialog.locator('[data-test="field-dissatisfaction"] .el-form-item__error').waitFor() // asked why first
  await dialog.locator('[data-test="field-dissatisfaction"] .el-radio-button', { hasText: '问题未解决' }).click()
  await dialog.locator('[data-test="field-content"] textarea').fill('油烟仍然很大，设备没有安装')
  await screenshot(page, 'callback-unsatisfied')
  await submitDialog(page)
  const after = await rest('callback', 'GET', `/tickets/${t.id}`)
  assert.equal(after.state, 'unsatisfied')
  assert.equal(after.dissatisfaction, 'unresolved')
  assert.equal(after.callback_comment, '油烟仍然很大，设备没有安装')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

// 逐级审核: the street sends a ticket on to its community; the community's reply
// comes back to the street first, which reads it and accepts it; only then does
// the hotline review it.
test('a community replies, its street accepts the reply, then the hotline reviews it', async () => {
  const COMMUNITY = 'LC-D01-S01-C01' // 幸福里社区
  const t = await ticketAtStreet(`（${stamp()}）幸福里小区 7 号楼楼道灯坏了一个月，晚上上下楼看不见`)
  await rest(UNIT, 'POST', `/tickets/${t.id}/dispatch`, { unit: COMMUNITY, content: '请社区当天上门查看' })
  await rest(COMMUNITY, 'POST', `/tickets/${t.id}/sign`, {})

  let page = await loginAs(COMMUNITY)
  await page.locator('.el-tabs__item', { hasText: '办理中' }).click()
  let row = await findRow(page, t)
  await row.locator('[data-test="cmd-reply"]').click()
  let dialog = page.locator('.el-dialog:visible')
  await dialog.locator('[data-test="fact-dispatchNote"]', { hasText: '请社区当天上门查看' }).waitFor()
  await dialog.locator('[data-test="phrases-content"] button', { hasText: '经核实，' }).click()
  await dialog.locator('[data-test="field-content"] textarea').press('End')
  await dialog.locator('[data-test="field-content"] textarea').pressSequentially('楼道灯已由物业更换，已恢复照明。')
  await dialog.locator('[data-test="field-contact_method"] .el-radio-button', { hasText: '上门走访' }).click()
  await dialog.locator('[data-test="field-handler"] input').fill('刘桂兰')
  await dialog.locator('[data-test="field-handler_phone"] input').fill('13907941234')
  await submitDialog(page)
  await page.locator('.el-message--success').first().waitFor()
  let after = await rest('dispatcher', 'GET', `/tickets/${t.id}`)
  assert.equal(after.state, 'in_progress', 'not yet the hotline\'s')
  assert.equal(after.reply.awaiting, true)
  assert.equal(after.lead_unit.code, UNIT)
  assert.deepEqual(page.errors, [])
  await page.context().close()

  page = await loginAs(UNIT)
  await page.locator('.el-tabs__item', { hasText: /^下级答复待审核 \(\d+\)$/ }).click()
  row = await findRow(page, t)
  await row.locator(`[data-test="reply-awaiting-${t.id}"]`).waitFor()
  await row.locator('[data-test="cmd-accept-reply"]').click()
  dialog = page.locator('.el-dialog:visible')
  await dialog.locator('[data-test="fact-replyFrom"]', { hasText: '幸福里社区' }).waitFor()
  await dialog.locator('[data-test="fact-reply"]', { hasText: '经核实，楼道灯已由物业更换' }).waitFor()
  await dialog.locator('[data-test="fact-handler"]', { hasText: '刘桂兰 13907941234' }).waitFor()
  await screenshot(page, 'accept-reply-dialog')
  await submitDialog(page)
  after = await rest('dispatcher', 'GET', `/tickets/${t.id}`)
  assert.equal(after.state, 'replied')
  assert.equal(after.reply.unit.code, COMMUNITY, 'the reply stays the community\'s')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

// 来电弹屏: a caller rings again about an open ticket; the operator urges it (催办)
// from the caller's history instead of recording a new appeal.
test('the operator urges a caller\'s open ticket from 来电弹屏 instead of a new one', async () => {
  const phone = `137${String(Date.now()).slice(-8)}`
  const t = await rest('operator', 'POST', '/tickets', {
    channel: 'phone', appeal_type: 'complaint', content: `（${stamp()}）小区门口下水道堵塞，污水漫到路面`,
    caller: { name: '孙先生', phone },
  })
  await rest('operator', 'POST', `/tickets/${t.id}/to-dispatch`, {})
  const page = await loginAs('operator')
  await page.locator('[data-test="intake-phone"]').fill(phone)
  const item = page.locator('[data-test="caller-history"] [data-test="history-item"]', { hasText: t.number })
  await item.locator('[data-test="cmd-urge"]').click()
  const dialog = page.locator('.el-dialog:visible')
  await dialog.locator('[data-test="field-content"] textarea').fill('市民再次来电，称污水仍在外溢')
  await submitDialog(page)
  await page.locator('.el-message--success').first().waitFor()
  const after = await rest('dispatcher', 'GET', `/tickets/${t.id}`)
  assert.equal(after.urge_count, 1)
  assert.equal(after.state, 'to_dispatch')
  const list = await rest('operator', 'GET', `/tickets?phone=${phone}`)
  assert.equal(list.total, 1, 'no new ticket')
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

// 暂停计时: the street waits for an appraisal, stops the clock on the ticket page, and
// starts it again; the page says why it is stopped, the queue shows 已暂停, not 超期.
test('a unit pauses a ticket\'s clock while it waits, and resumes it', async () => {
  const t = await ticketAtStreet(`（${stamp()}）楼上住户装修导致我家天花板渗水，需要鉴定责任`)
  const page = await loginAs(UNIT)
  await page.goto(`${BASE}/#/tickets/${t.id}`)
  await page.locator('[data-test="cmd-pause"]').click()
  const dialog = page.locator('.el-dialog:visible')
  await dialog.locator('[data-test="field-reason"] .el-radio-button', { hasText: '等待第三方' }).click()
  await dialog.locator('[data-test="field-content"] textarea').fill('已委托房屋安全鉴定机构，等待鉴定报告')
  await submitDialog(page)
  await page.locator('[data-test="ticket-paused"]', { hasText: '暂停计时：等待第三方' }).waitFor()
  let after = await rest('dispatcher', 'GET', `/tickets/${t.id}`)
  assert.equal(after.paused.reason, 'awaiting_third_party')
  assert.ok(after.deadlines.some((d) => d.kind === 'handle' && d.state === 'paused'))
  await screenshot(page, 'ticket-paused')

  await page.locator('[data-test="cmd-resume"]').click()
  await submitDialog(page)
  await page.locator('[data-test="ticket-paused"]').waitFor({ state: 'detached' })
  after = await rest('dispatcher', 'GET', `/tickets/${t.id}`)
  assert.equal(after.paused, null)
  assert.ok(after.deadlines.some((d) => d.kind === 'handle' && d.state === 'pending'))
  assert.deepEqual(page.errors, [])
  await page.context().close()
})

// 三级督办: 东华区's supervisor orders the street to act, the street answers from its
// 督办件 tab, the supervisor closes it (销号) from 待销号; the ticket page keeps the record.
test('a district supervises a street\'s ticket, the street answers, the district closes it', async () => {
  const t = await ticketAtStreet(`（${stamp()}）小区门口下水道堵塞反复外溢，多次反映未解决`)
  const sup = await loginAs('LC-D01.sup')
  await sup.goto(`${BASE}/#/tickets/${t.id}`)
  await sup.locator('[data-test="cmd-supervise"]').click()
  let dialog = sup.locator('.el-dialog:visible')
  await dialog.locator('[data-test="field-level"] .el-radio-button', { hasText: '区县督办' }).click()
  await dialog.locator('[data-test="field-instructions"] textarea').fill('请街道三日内疏通并排查管网，书面反馈')
  await dialog.locator('[data-test="field-assignee"] input').fill('孙立')
  await submitDialog(sup)
  await sup.locator('[data-test="ticket-supervisions"]', { hasText: '请街道三日内疏通' }).waitFor()
  await sup.locator('[data-test="ticket-supervised"]', { hasText: '区县督办' }).waitFor()

  const unit = await loginAs(UNIT)
  await unit.locator('[data-test="menu-inbox"]').click()
  await unit.locator('.el-tabs__item', { hasText: '督办件' }).click()
  const row = await findRow(unit, t)
  assert.match(await row.locator(`[data-test="supervised-${t.id}"]`).innerText(), /区县督办/)
  await row.locator('[data-test="cmd-answer-supervision"]').click()
  dialog = unit.locator('.el-dialog:visible')
  await dialog.getByText('请街道三日内疏通并排查管网，书面反馈').waitFor() // what was ordered, above the form
  await dialog.locator('[data-test="field-content"] textarea').fill('已组织疏通，管网排查中，周五前完成')
  await submitDialog(unit)
  await screenshot(unit, 'inbox-supervised')

  await sup.locator('[data-test="menu-supervise"]').click()
  await sup.locator('.el-tabs__item', { hasText: '待销号' }).click()
  const waiting = await findRow(sup, t)
  await waiting.locator('[data-test="cmd-close-supervision"]').click()
  dialog = sup.locator('.el-dialog:visible')
  await dialog.getByText('已组织疏通，管网排查中，周五前完成').waitFor() // the unit's answer
  await dialog.locator('[data-test="field-note"] textarea').fill('已现场核实，同意销号')
  await submitDialog(sup)
  const after = await rest('supervisor', 'GET', `/tickets/${t.id}`)
  assert.equal(after.supervision_level, 0)
  assert.equal(after.supervisions[0].state, 'closed')
  await sup.goto(`${BASE}/#/tickets/${t.id}`)
  await sup.locator(`[data-test="supervision-state-${after.supervisions[0].id}"]`, { hasText: '已销号' }).waitFor()
  await screenshot(sup, 'ticket-supervisions')
  assert.deepEqual(sup.errors, [])
  assert.deepEqual(unit.errors, [])
  await sup.context().close()
  await unit.context().close()
})

// Notice pop-ups: a supervision reaches the unit's open console at once; a click opens the ticket.
test('a unit is told of a new supervision as it happens', async () => {
  const t = await ticketAtStreet(`（${stamp()}）路灯连续一周不亮，夜间出行不便`)
  const page = await loginAs(UNIT)
  await page.locator('[data-test="live-status"][data-state="open"]').waitFor() // the live stream is up
  await rest('LC-D01.sup', 'POST', `/tickets/${t.id}/supervise`, { level: 1, instructions: '今晚前修复' })
  const notice = page.locator(`[data-test="notice-supervise-${t.id}"]`)
  await notice.waitFor()
  await page.waitForTimeout(400) // the pop-up slides in
  await screenshot(page, 'notice-supervise')
  await notice.click()
  await page.waitForURL(new RegExp(`#/tickets/${t.id}$`))
  await page.locator('[data-test="ticket-supervisions"]', { hasText: '今晚前修复' }).waitFor()
  assert.deepEqual(page.errors, [])
  await page.context().close()
})
