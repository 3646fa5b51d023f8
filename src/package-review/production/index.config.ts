export default definePageConfig({
  navigationBarTitleText: '制作进度',
  enablePullDownRefresh: true,
})
