export default definePageConfig({
  navigationBarTitleText: '选题库',
  enablePullDownRefresh: true,
})
