export default definePageConfig({
  navigationBarTitleText: '内容日历',
  enablePullDownRefresh: true,
})
