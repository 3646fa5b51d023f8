/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform being built (Taro replaces it at compile time). */
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony'
    /** WeChat cloud environment id; empty means the mini-program's current environment. */
    TARO_APP_CLOUD_ENV?: string
    /** H5 only: origin of the local cloud when it is not the page's own origin. */
    TARO_APP_API_BASE?: string
    TARO_APP_ID?: string
  }
}
