export default definePageConfig({
  navigationBarTitleText: '评审流程设置',
})
