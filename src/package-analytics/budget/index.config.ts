export default definePageConfig({
  navigationBarTitleText: '预算',
  enablePullDownRefresh: true,
})
