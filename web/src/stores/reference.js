// Units and categories, loaded once per session and shared by all screens.
import { defineStore } from 'pinia'
import { api } from '../api/client.js'
import { buildAreaOptions, buildCategoryTree, buildUnitTree, nameIndex } from '../domain/tree.js'

let pending = null

export const useReferenceStore = defineStore('reference', {
  state: () => ({ units: [], categories: [], loaded: false }),
  getters: {
    unitTree: (s) => buildUnitTree(s.units),
    areaOptions: (s) => buildAreaOptions(s.units),
    areaOptionsDeep: (s) => buildAreaOptions(s.units, { communities: true }),
    categoryTree: (s) => buildCategoryTree(s.categories),
    unitNames: (s) => nameIndex(s.units),
    categoryNames: (s) => nameIndex(s.categories),
  },
  actions: {
    /** Loads once; concurrent callers share the same request. */
    ensure() {
      if (this.loaded) return Promise.resolve()
      if (!pending) {
        pending = Promise.all([api.units(), api.categories()])
          .then(([u, c]) => {
            this.units = u.items || []
            this.categories = c.items || []
            this.loaded = true
          })
          .finally(() => {
            pending = null
          })
      }
      return pending
    },
    unitName(code) {
      return (code && this.unitNames.get(code)) || code || ''
    },
    reset() {
      this.units = []
      this.categories = []
      this.loaded = false
    },
  },
})
