export default definePageConfig({
  navigationBarTitleText: '竞品对比',
  enablePullDownRefresh: true,
})
