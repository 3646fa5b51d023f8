// What Taro's build would define for an H5 page.
process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'

// @tarojs/components-react passes mini-program props (hoverStyle, catchMove…) to DOM elements;
// React's dev warnings about them are noise here, every other console.error still shows.
const TARO_PROP_NOISE = /React does not recognize the `(%s|\w+)` prop|for a non-boolean attribute|Unknown event handler property|Invalid ARIA attribute/
const originalError = console.error
console.error = (...args) => {
  if (typeof args[0] === 'string' && TARO_PROP_NOISE.test(args[0])) return
  originalError(...args)
}
