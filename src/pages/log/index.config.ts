export default definePageConfig({
  navigationBarTitleText: '数据填报',
  enablePullDownRefresh: true,
})
