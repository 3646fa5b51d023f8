export default definePageConfig({
  navigationBarTitleText: '风险雷达',
  enablePullDownRefresh: true,
})
