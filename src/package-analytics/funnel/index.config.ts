export default definePageConfig({
  navigationBarTitleText: '转化漏斗',
  enablePullDownRefresh: true,
})
