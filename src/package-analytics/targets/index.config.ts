export default definePageConfig({
  navigationBarTitleText: '目标管理',
  enablePullDownRefresh: true,
})
