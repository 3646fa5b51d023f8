export default definePageConfig({
  navigationBarTitleText: '导出团队数据',
})
