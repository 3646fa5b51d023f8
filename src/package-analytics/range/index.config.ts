export default definePageConfig({
  navigationBarTitleText: '自定义范围',
})
