// The intake form and the POST /api/v1/tickets body it becomes.

export function emptyAppeal() {
  return {
    channel: 'phone',
    appeal_type: 'consultation',
    name: '',
    phone: '',
    address: '',
    area: '',
    category: '',
    content: '',
    enterprise: false,
    urgency: 'normal', // 紧急 / 重要 / 一般 (URGENCIES)
    no_callback: false, // 诉求人提出无需回访: closed once the reply is accepted
  }
}

/** Required fields still empty, named as the API names them. */
export function missingAppealFields(form) {
  const missing = []
  if (!form.content || !form.content.trim()) missing.push('content')
  return missing
}

/** The request body: trimmed text, optional fields only when filled. */
export function buildAppeal(form) {
  const body = {
    channel: form.channel,
    appeal_type: form.appeal_type,
    content: form.content.trim(),
    caller: { name: (form.name || '').trim(), phone: (form.phone || '').replace(/\s+/g, '') },
    enterprise: !!form.enterprise,
  }
  if (form.address && form.address.trim()) body.address = form.address.trim()
  if (form.area) body.area = form.area
  if (form.category) body.category = form.category
  // 紧急程度: sent when raised (紧急 is priority 2 in every queue); 一般 is the default.
  // A form of the old shape (`urgent: true`) still reads as 紧急.
  const urgency = form.urgency || (form.urgent ? 'urgent' : 'normal')
  if (urgency !== 'normal') body.urgency = urgency
  if (form.no_callback) body.no_callback = true
  return body
}
