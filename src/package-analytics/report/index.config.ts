export default definePageConfig({
  navigationBarTitleText: '日报',
  enablePullDownRefresh: true,
})
