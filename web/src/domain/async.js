// Small async helpers.

/** Runs async `tasks` (functions) with at most `limit` at a time; results in order. */
export async function runLimited(tasks, limit = 4) {
  const results = new Array(tasks.length)
  let next = 0
  async function worker() {
    while (next < tasks.length) {
      const i = next
      next += 1
      results[i] = await tasks[i]()
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker))
  return results
}
