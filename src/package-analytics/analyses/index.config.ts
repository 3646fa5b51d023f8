export default definePageConfig({
  navigationBarTitleText: '专项分析',
  enablePullDownRefresh: true,
})
