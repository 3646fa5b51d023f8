export default definePageConfig({
  navigationBarTitleText: '单条复盘',
  enablePullDownRefresh: true,
})
