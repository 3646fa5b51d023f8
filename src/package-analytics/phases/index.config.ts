export default definePageConfig({
  navigationBarTitleText: '阶段计划',
  enablePullDownRefresh: true,
})
