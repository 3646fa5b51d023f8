export default definePageConfig({
  navigationBarTitleText: '粉丝增长',
  enablePullDownRefresh: true,
})
