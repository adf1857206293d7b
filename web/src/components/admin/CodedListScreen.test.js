import { describe, expect, it, vi } from 'vitest'
import { computed, h, ref } from 'vue'
import { mount } from '@vue/test-utils'
import { i18n } from '../../i18n/index.js'
import CodedListScreen from './CodedListScreen.vue'

// What the screen uses of useCodedList.
function fakeList() {
  const items = [{ code: 'A', name: '甲' }, { code: 'A1', name: '乙', parent: 'A' }]
  return {
    editor: {
      loading: ref(false), saving: ref(false), dirty: computed(() => false), diff: computed(() => ({ count: 0 })),
      problems: ref([]), rejected: ref(null), changeOf: (it) => (it && it.code === 'A1' ? 'added' : ''),
      saveAll: vi.fn(), discard: vi.fn(),
    },
    byCode: computed(() => new Map(items.map((it) => [it.code, it]))),
    nameOf: (code) => code,
    open: vi.fn(),
  }
}
const forest = [{ value: 'A', label: '甲', children: [{ value: 'A1', label: '乙' }] }]

describe('CodedListScreen', () => {
  it('shows the title, the tree with the screen\'s tags and its dialog slot', () => {
    const w = mount(CodedListScreen, {
      props: { list: fakeList(), data: forest, title: '承办单位', addRoot: '添加单位', prefix: 'unit' },
      slots: { tags: ({ node }) => h('i', { class: 'tag' }, node.value), default: () => h('div', { class: 'dialog' }) },
      global: { plugins: [i18n] },
    })
    expect(w.find('h2').text()).toBe('承办单位')
    expect(w.find('[data-test="unit-add-root"]').text()).toBe('添加单位')
    expect(w.findAll('.tag').map((t) => t.text())).toContain('A')
    expect(w.find('.dialog').exists()).toBe(true)
  })

  it('opens the dialog at the top level, to add below a node, and to edit one', async () => {
    const list = fakeList()
    const w = mount(CodedListScreen, {
      props: { list, data: forest, title: 't', addRoot: 'a', prefix: 'unit', canAdd: () => false, addHint: 'no' },
      global: { plugins: [i18n] },
    })
    await w.find('[data-test="unit-add-root"]').trigger('click')
    expect(list.open).toHaveBeenLastCalledWith()
    const tree = w.findComponent({ name: 'AdminTree' })
    expect(tree.props('canAdd')()).toBe(false)
    expect(tree.props('addHint')).toBe('no')
    expect(tree.props('changeOf')('A1')).toBe('added')
    tree.vm.$emit('add', 'A')
    expect(list.open).toHaveBeenLastCalledWith(null, { code: 'A', name: '甲' })
    tree.vm.$emit('edit', 'A1')
    expect(list.open).toHaveBeenLastCalledWith({ code: 'A1', name: '乙', parent: 'A' })
  })
})
