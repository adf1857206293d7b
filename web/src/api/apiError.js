// The error every failed API call throws. Kept apart from the message tables
// (errors.js) so the citizen portal can use the client without the console's i18n.
export class ApiError extends Error {
  /**
   * @param {number} status HTTP status, 0 when the server could not be reached
   * @param {{code?:string, message?:string, field?:string}} body the "error" object
   * @param {{path?:string, method?:string}} request what was asked
   * @param {{retryAfter?:number}} meta Retry-After seconds of a 429
   */
  constructor(status, body = {}, request = {}, meta = {}) {
    super(body.message || `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.code = body.code || ''
    this.serverMessage = body.message || ''
    this.field = body.field || ''
    this.request = request
    this.retryAfter = meta.retryAfter || 0
  }
}
