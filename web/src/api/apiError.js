// The error every failed API call throws. Kept apart from the message tables
// (errors.js) so the citizen portal can use the client without the console's i18n.
export class ApiError extends Error {
  /**
   * @param {number} status HTTP status, 0 when the server could not be reached
   * @param {{code?:string, reason?:string, message?:string, field?:string, params?:object}} body the "error" object
   * @param {{path?:string, method?:string}} request what was asked
   * @param {{retryAfter?:number}} meta Retry-After seconds of a 429
   */
  constructor(status, body = {}, request = {}, meta = {}) {
    super(body.message || `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.code = body.code || ''
    // A stable key (docs/openapi.yaml ErrorReason) and the values the message quotes:
    // what the console words errors by. The English message is for logs only.
    this.reason = body.reason || body.code || ''
    this.params = body.params && typeof body.params === 'object' ? { ...body.params } : {}
    this.serverMessage = body.message || ''
    this.field = body.field || ''
    this.request = request
    this.retryAfter = meta.retryAfter || 0
  }
}
