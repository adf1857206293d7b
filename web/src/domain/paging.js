// Paging of lists held in the browser (the server pages its own lists).

export const PAGE_SIZES = [20, 50, 100]

/** Items of page `page` (1-based) of `perPage` each. */
export function pageOf(items, page, perPage) {
  const start = (Math.max(1, page) - 1) * perPage
  return items.slice(start, start + perPage)
}

/** The last page that has items (at least 1). */
export function lastPage(total, perPage) {
  return Math.max(1, Math.ceil((total || 0) / perPage))
}
