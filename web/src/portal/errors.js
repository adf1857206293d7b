// API failures on the citizen portal → one sentence for the citizen, and the
// form field it is about. `action` is what was tried: 'submit', 'track',
// 'evaluate', 'kb' (knowledge-base search) or 'kb-entry' (one entry).
import { ApiError } from '../api/apiError.js'

// Field names as the API reports them → the form's fields and their names on the portal.
const FIELDS = {
  appeal_type: ['appeal_type', '诉求类型'],
  content: ['content', '诉求内容'],
  caller: ['phone', '联系电话'],
  'caller.phone': ['phone', '联系电话'],
  'caller.name': ['name', '姓名'],
  address: ['address', '地址'],
  area: ['area', '所在区域'],
  location: ['location', '位置'],
  'location.lat': ['location', '纬度'],
  'location.lon': ['location', '经度'],
  satisfaction: ['satisfaction', '满意程度'],
  resolved: ['resolved', '是否解决'],
  code: ['code', '查询码'],
}

function waitText(err) {
  const minutes = err.retryAfter ? Math.max(1, Math.ceil(err.retryAfter / 60)) : 0
  return minutes ? `请 ${minutes} 分钟后再试` : '请稍后再试'
}

/** The sentence to show for a failed portal request. */
export function portalErrorMessage(err, action) {
  if (!(err instanceof ApiError)) return '操作失败，请稍后再试'
  const { status } = err
  if (status === 0) return '网络连接失败，请检查网络后重试'
  if (status === 429) {
    if (action === 'submit') return `提交过于频繁，${waitText(err)}。如有紧急情况请直接拨打 12345`
    if (action === 'kb' || action === 'kb-entry') return `查询过于频繁，${waitText(err)}`
    return `查询次数过多，为保护您的信息安全，${waitText(err)}`
  }
  if (status === 404 && (action === 'track' || action === 'evaluate' || action === 'photo')) return '未找到：请核对工单编号和查询码'
  if (status === 404 && action === 'locate') return '未能识别该地址所在的区域，请在地图上选点或选择所在区域'
  if (status === 409 && action === 'photo') return '诉求已开始办理，不能再补充照片'
  if (action === 'photo' && status === 400) {
    const byReason = {
      unsupported_type: '只能上传 JPG 或 PNG 照片',
      content_type_mismatch: '文件内容不是有效的 JPG 或 PNG 照片',
      too_large: '照片超过 5 MB，请压缩后再上传',
      too_many: '每条诉求最多上传 3 张照片',
      empty_file: '照片是空文件',
    }
    if (byReason[err.reason]) return byReason[err.reason]
  }
  if (status === 404 && action === 'kb-entry') return '该问题的解答不存在或已下线'
  if (status === 409 && action === 'evaluate') return '该工单当前不能评价（可能已经评价过），请刷新查看最新进度'
  if (status === 400 || status === 422) {
    const known = FIELDS[err.field]
    if (!known) return '提交的内容有误，请检查后重试'
    const required = err.reason === 'required'
    return required ? `请填写「${known[1]}」` : `「${known[1]}」填写有误，请检查`
  }
  if (status >= 500) return '系统繁忙，请稍后再试'
  return '操作失败，请稍后再试'
}

/** The form field a 400 is about ('' when none), to show the message under it. */
export function portalErrorField(err) {
  if (!(err instanceof ApiError) || (err.status !== 400 && err.status !== 422)) return ''
  const known = FIELDS[err.field]
  return known ? known[0] : ''
}
