export default definePageConfig({
  navigationBarTitleText: '数据记录',
  enablePullDownRefresh: true,
})
