export default definePageConfig({
  navigationBarTitleText: '填报数据',
})
