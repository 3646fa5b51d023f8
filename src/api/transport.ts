// Taro picks transport.weapp.ts / transport.h5.ts per build; this fallback serves tsc, jest and other targets.
export { transport } from './transport.h5'
