// The citizen portal's logic: the appeal form and its checks, ticket number and
// query code input, the states and steps in words a citizen understands, and the
// evaluation form. Chinese only (the portal stands in for the WeChat mini-program),
// and free of the console's i18n so the portal's bundle stays small.

// ---------------------------------------------------------------- the appeal form

export const CONTENT_MIN = 5
export const CONTENT_MAX = 2000
export const NAME_MAX = 50
export const ADDRESS_MAX = 200

/** Appeal types a citizen chooses from, with a hint of what each is for. */
export const PORTAL_APPEAL_TYPES = [
  { value: 'consultation', label: '咨询', hint: '政策、办事流程等问题' },
  { value: 'help', label: '求助', hint: '生活中遇到困难需要帮助' },
  { value: 'complaint', label: '投诉', hint: '对服务或问题不满' },
  { value: 'report', label: '举报', hint: '违法违规行为' },
  { value: 'suggestion', label: '建议', hint: '对城市管理和服务的建议' },
  { value: 'praise', label: '表扬', hint: '表扬好人好事、优质服务' },
]

export function emptyPortalAppeal() {
  return { appeal_type: '', content: '', name: '', phone: '', address: '', area: '', lat: '', lon: '', no_callback: false }
}

/**
 * A phone number as digits: spaces, dashes and brackets dropped, and a +86 /
 * 0086 country prefix in front of a mobile number removed.
 */
export function normalizePhone(phone) {
  let p = String(phone || '').replace(/[\s\-()（）]/g, '')
  const m = /^(?:\+86|0086|86)(1\d{10})$/.exec(p)
  if (m) p = m[1]
  return p
}

/** A mainland mobile number, a landline with area code, or a local 7–8 digit number. */
export function isValidPhone(phone) {
  return /^(1[3-9]\d{9}|0\d{9,11}|[2-9]\d{6,7})$/.test(normalizePhone(phone))
}

function coordinate(value) {
  if (value === '' || value === null || value === undefined) return null
  const n = Number(value)
  return Number.isFinite(n) ? n : NaN
}

/** The form's lat/lon as a location, null when both are empty. */
export function formLocation(form) {
  const lat = coordinate(form.lat)
  const lon = coordinate(form.lon)
  if (lat === null && lon === null) return null
  return { lat, lon }
}

/**
 * Problems with the form, keyed by form field → message; empty when it may be
 * sent. The server checks again (and has the final word).
 */
export function validatePortalAppeal(form) {
  const errors = {}
  if (!PORTAL_APPEAL_TYPES.some((x) => x.value === form.appeal_type)) errors.appeal_type = '请选择诉求类型'
  const content = (form.content || '').trim()
  if (!content) errors.content = '请填写诉求内容'
  else if (content.length < CONTENT_MIN) errors.content = `请把诉求写具体一些（至少 ${CONTENT_MIN} 个字）`
  else if (content.length > CONTENT_MAX) errors.content = `诉求内容请不要超过 ${CONTENT_MAX} 字`
  const name = (form.name || '').trim()
  if (!name) errors.name = '请填写您的姓名'
  else if (name.length > NAME_MAX) errors.name = `姓名请不要超过 ${NAME_MAX} 字`
  if (!normalizePhone(form.phone)) errors.phone = '请填写联系电话，办理结果将通过电话告知您'
  else if (!isValidPhone(form.phone)) errors.phone = '电话号码格式不正确，请填写手机号码或带区号的固定电话'
  if ((form.address || '').trim().length > ADDRESS_MAX) errors.address = `地址请不要超过 ${ADDRESS_MAX} 字`
  const loc = formLocation(form)
  if (loc) {
    if (loc.lat === null || loc.lon === null) errors.location = '请同时填写纬度和经度，或都不填'
    else if (Number.isNaN(loc.lat) || loc.lat < -90 || loc.lat > 90) errors.location = '纬度应在 -90 到 90 之间'
    else if (Number.isNaN(loc.lon) || loc.lon < -180 || loc.lon > 180) errors.location = '经度应在 -180 到 180 之间'
  }
  return errors
}

/** The body of POST /api/v1/public/appeals: trimmed text, optional parts only when filled. */
export function buildPortalAppeal(form, channel = 'web') {
  const body = {
    channel,
    appeal_type: form.appeal_type,
    content: form.content.trim(),
    caller: { name: form.name.trim(), phone: normalizePhone(form.phone) },
  }
  const address = (form.address || '').trim()
  if (address) body.address = address
  if (form.area) body.area = form.area
  const loc = formLocation(form)
  if (loc && Number.isFinite(loc.lat) && Number.isFinite(loc.lon)) body.location = loc
  if (form.no_callback) body.no_callback = true // 诉求人提出无需回访
  return body
}

/**
 * The channel the appeal arrives by: the mini-program when the page runs inside
 * its web-view (WeChat adds "miniProgram" to the user agent) or is opened with
 * ?channel=mini_program, the web site otherwise.
 */
export function portalChannel(userAgent = '', search = '') {
  if (/(?:^|[?&])channel=mini_program(?:&|$)/.test(search)) return 'mini_program'
  return /miniprogram/i.test(userAgent) ? 'mini_program' : 'web'
}

/** Coordinates from the browser, rounded to about a metre. */
export function roundCoordinate(x) {
  return Math.round(x * 1e6) / 1e6
}

/** The sentence for a failed navigator.geolocation request (GeolocationPositionError.code, or 0 = unsupported). */
export function geolocationMessage(code) {
  switch (code) {
    case 1:
      return '未获得定位权限：请在浏览器或微信设置中允许定位，或填写详细地址'
    case 2:
      return '暂时无法获取您的位置，请稍后再试或填写详细地址'
    case 3:
      return '定位超时，请到信号较好的地方再试，或填写详细地址'
    default:
      return '当前浏览器不支持定位，请填写详细地址'
  }
}

// ---------------------------------------------------------------- the map picker

/**
 * A tap on the city map at [lon, lat] (GeoJSON order) → what the form takes:
 * `lat`/`lon` as the coordinate fields hold them, `area` = the street under the
 * point (else its district), and the sentence saying where it is. A point outside
 * the city's polygons is refused with `error`. `placeAt` is domain/map.js's.
 */
export function mapPick(point, placeAt, districtName = () => '') {
  if (!Array.isArray(point) || point.length < 2 || !point.every(Number.isFinite)) return { error: '无法识别所选位置，请重新点选' }
  const place = placeAt(point)
  if (!place) return { error: '所选位置不在本市范围内，请在地图上的区域内点选' }
  const lat = roundCoordinate(point[1])
  const lon = roundCoordinate(point[0])
  const district = place.kind === 'street' ? districtName(place.district) : ''
  const where = district ? `${place.name}（${district}）` : place.name
  return { lat: String(lat), lon: String(lon), area: place.code, text: `已在地图上标出位置：${where}` }
}

/** The marker for the form's coordinates: [lon, lat], or null when they are not a valid pair. */
export function markerOf(form) {
  const loc = formLocation(form || {})
  if (!loc || !Number.isFinite(loc.lat) || !Number.isFinite(loc.lon)) return null
  if (loc.lat < -90 || loc.lat > 90 || loc.lon < -180 || loc.lon > 180) return null
  return [loc.lon, loc.lat]
}

// ---------------------------------------------------------------- tracking

/** What a citizen typed as the ticket number → the number as the server writes it (LC + digits). */
export function normalizeNumber(text) {
  const s = String(text || '').replace(/\s+/g, '').toUpperCase()
  return /^\d{14,22}$/.test(s) ? `LC${s}` : s
}

export function normalizeCode(text) {
  return String(text || '').replace(/\s+/g, '')
}

/** Problems with the tracking form, keyed by field; empty when it may be sent. */
export function validateTrack({ number, code }) {
  const errors = {}
  const n = normalizeNumber(number)
  if (!n) errors.number = '请填写工单编号'
  else if (!/^LC\d{14,22}$/.test(n)) errors.number = '工单编号格式不正确，应为 LC 加 14 位数字，如 LC20261123000042'
  const c = normalizeCode(code)
  if (!c) errors.code = '请填写查询码'
  else if (!/^\d{6}$/.test(c)) errors.code = '查询码为 6 位数字'
  return errors
}

/**
 * Each state in plain words: `label` for the tag, `hint` for what happens now,
 * `tone` for the colour (Element Plus tag types).
 */
export const PUBLIC_STATES = {
  triage: { label: '待处理', hint: '您的诉求已收到，工作人员将尽快处理。', tone: 'primary' },
  to_dispatch: { label: '待派单', hint: '正在为您的诉求确定承办单位。', tone: 'primary' },
  joint_review: { label: '会商中', hint: '您的诉求涉及多个部门，正在会商确定承办单位。', tone: 'primary' },
  dispatched: { label: '已派单', hint: '已交承办单位，等待承办单位接收。', tone: 'warning' },
  in_progress: { label: '办理中', hint: '承办单位正在办理您的诉求。', tone: 'warning' },
  replied: { label: '答复审核中', hint: '承办单位已答复，热线正在审核答复内容。', tone: 'warning' },
  to_callback: { label: '待回访', hint: '办理完毕，请对办理结果进行评价。', tone: 'warning' },
  unsatisfied: { label: '复核中', hint: '您对办理结果不满意，热线正在复核，必要时将重新办理。', tone: 'danger' },
  closed: { label: '已办结', hint: '您的诉求已办结，感谢您的支持。', tone: 'success' },
  answered_directly: { label: '已直接答复', hint: '热线已直接为您答复。', tone: 'success' },
  out_of_scope: { label: '不予受理', hint: '该诉求不属于 12345 热线受理范围，请通过相应渠道反映。', tone: 'info' },
  transferred: { label: '已转紧急部门', hint: '已转交 110/119/120/122 等紧急部门处置。', tone: 'info' },
  merged: { label: '已合并办理', hint: '与反映同一问题的其他诉求合并办理，办理结果相同。', tone: 'info' },
}

export function publicState(state) {
  return PUBLIC_STATES[state] || { label: state || '未知', hint: '', tone: 'info' }
}

/** Steps of the public timeline, in words (commands the public view lists). */
export const STEP_TEXT = {
  intake: '提交诉求',
  'to-dispatch': '转交派单',
  'answer-directly': '热线直接答复',
  'out-of-scope': '不属于受理范围',
  'transfer-emergency': '转交紧急部门',
  merge: '合并办理',
  dispatch: '派往承办单位',
  sign: '承办单位接收',
  return: '承办单位退回，重新派单',
  'request-extension': '承办单位申请延期',
  'decide-extension': '延期审批',
  reply: '承办单位答复',
  review: '审核答复',
  callback: '回访评价',
  reopen: '重新办理',
  close: '办结',
  supervise: '督办',
  'answer-supervision': '督办答复',
  'close-supervision': '督办销号',
  instruct: '领导批示',
  escalate: '提级办理',
  urge: '来电催办',
  supplement: '补充诉求内容',
  contact: '承办单位已与您联系',
  pause: '承办单位暂停办理计时（等待所需条件）',
  resume: '承办单位恢复办理计时',
  // Internal (INTERNAL_STEPS), worded all the same should one reach the page.
  edit: '热线修正诉求信息',
  'accept-reply': '上级单位审核答复',
  'reject-reply': '上级单位退回重办',
  'co-sign': '协办单位签收',
  'co-reply': '协办单位答复',
  whistle: '街道吹哨，上级统筹协调',
  'add-co-units': '增派协办单位',
  'to-joint-review': '提请联席会议研究',
  'decide-joint-review': '联席会议明确承办单位',
}

export function stepText(command) {
  return STEP_TEXT[command] || command || ''
}

/**
 * Steps the public never sees, should the server send them: the hotline's own
 * oversight (supervision, escalation, review of a reply), edits, replies passed
 * between units, files and retention. (The server hides them: service/portal.cc.)
 */
export const INTERNAL_STEPS = new Set([
  'supervise', 'answer-supervision', 'close-supervision', 'instruct', 'escalate', 'review', 'edit', 'accept-reply', 'reject-reply', 'attach', 'anonymise', 'warn', 'overdue',
  'co-sign', 'co-reply', 'whistle', 'add-co-units',
])

/**
 * Steps newest first (as a citizen reads them), each with its words and the state
 * it led to, in the header's words (publicState). Internal steps are left out; as
 * the state they led to is not, the newest step shows `current` (the ticket's
 * state now, as in the header) when one was hidden after it.
 */
export function timelineSteps(steps, current = '') {
  const shown = (steps || []).filter((s) => !INTERNAL_STEPS.has(s.command))
  const items = shown.map((s) => ({ ...s, text: stepText(s.command), stateLabel: publicState(s.state).label }))
  const last = items.at(-1)
  if (last && current && last.state !== current) {
    items[items.length - 1] = { ...last, state: current, stateLabel: publicState(current).label }
  }
  return items.reverse()
}

// ---------------------------------------------------------------- evaluation

export const PORTAL_SATISFACTIONS = [
  { value: 'satisfied', label: '满意' },
  { value: 'basically_satisfied', label: '基本满意' },
  { value: 'unsatisfied', label: '不满意' },
]
export const PORTAL_RESOLVED = [
  { value: true, label: '已解决' },
  { value: false, label: '未解决' },
]

export function satisfactionText(s) {
  const hit = PORTAL_SATISFACTIONS.find((x) => x.value === s)
  return hit ? hit.label : ''
}

export function validateEvaluation({ satisfaction, resolved }) {
  const errors = {}
  if (!PORTAL_SATISFACTIONS.some((x) => x.value === satisfaction)) errors.satisfaction = '请选择满意程度'
  if (resolved !== true && resolved !== false) errors.resolved = '请选择问题是否已解决'
  return errors
}

/** Why a citizen is not satisfied (the API's `dissatisfaction` values), asked only then. */
export const PORTAL_DISSATISFACTIONS = [
  { value: 'unresolved', label: '问题未解决' },
  { value: 'attitude', label: '工作态度' },
  { value: 'off_topic', label: '答非所问' },
  { value: 'slow', label: '办理拖延' },
  { value: 'no_contact', label: '未联系本人' },
  { value: 'other', label: '其他' },
]
/** Characters of the evaluation's comment (the server takes 2000 bytes: 3 per Chinese character). */
export const COMMENT_MAX = 500

/**
 * The body of POST /public/tickets/{number}/evaluation: the reason only when not
 * satisfied, the comment (trimmed) only when there is one.
 */
export function buildEvaluation(code, { satisfaction, resolved, dissatisfaction = '', comment = '' }) {
  const body = { code: normalizeCode(code), satisfaction, resolved }
  if (satisfaction === 'unsatisfied' && dissatisfaction) body.dissatisfaction = dissatisfaction
  const text = String(comment || '').trim()
  if (text) body.comment = text
  return body
}

// ---------------------------------------------------------------- address and pin

/**
 * Whether two areas (unit codes, which nest: LC-D01 ⊃ LC-D01-S01 ⊃ LC-D01-S01-C01)
 * disagree: both known and neither inside the other. A district named by the
 * address does not disagree with a pin in one of its streets.
 */
export function placesDisagree(pinArea, addressArea) {
  const a = String(pinArea || '')
  const b = String(addressArea || '')
  if (!a || !b || a === b) return false
  return !a.startsWith(`${b}-`) && !b.startsWith(`${a}-`)
}

/** What the form takes from GET /public/locate's answer: the area and, when the server knows one, the point. */
export function locatedPlace(place) {
  if (!place || !place.code) return null
  const p = place.point
  const point = p && Number.isFinite(p.lat) && Number.isFinite(p.lon)
    ? { lat: String(roundCoordinate(p.lat)), lon: String(roundCoordinate(p.lon)) }
    : null
  const text = point
    ? `已按地址定位到：${place.name}（地图上标出的是大致位置，可点按地图标出准确地点）`
    : `已识别所在区域：${place.name}，可在地图上点选准确地点`
  return { area: place.code, name: place.name, point, text }
}

// ---------------------------------------------------------------- photos

/** Photos with an appeal (the server's limits: Portal::kMaxPhotos, kMaxPhotoBytes, PhotoTypes). */
export const PHOTO_MAX = 3
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024
export const PHOTO_TYPES = ['image/jpeg', 'image/png']

/** Why a chosen file cannot go with the appeal ('' when it can), `count` = photos already chosen. */
export function photoProblem(file, count = 0) {
  if (!file) return '请选择照片'
  if (count >= PHOTO_MAX) return `最多上传 ${PHOTO_MAX} 张照片`
  if (!PHOTO_TYPES.includes(file.type)) return `「${file.name}」不是 JPG 或 PNG 照片`
  if (!(file.size > 0)) return `「${file.name}」是空文件`
  if (file.size > PHOTO_MAX_BYTES) return `「${file.name}」超过 5 MB，请压缩后再上传`
  return ''
}
