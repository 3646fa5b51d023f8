export default definePageConfig({
  navigationBarTitleText: '粉丝总数',
})
