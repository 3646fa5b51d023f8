export default definePageConfig({
  navigationBarTitleText: '风险详情',
  enablePullDownRefresh: true,
})
