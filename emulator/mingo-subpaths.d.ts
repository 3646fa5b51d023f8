// mingo's sub-path exports carry types, but this project's `moduleResolution: node` reads no `exports`
// map; these point the sub-paths the local cloud imports at mingo's own declarations.
declare module 'mingo/core' {
  export * from 'mingo/types/core/index'
}
declare module 'mingo/query' {
  export * from 'mingo/types/query'
}
declare module 'mingo/operators/query' {
  export * from 'mingo/types/operators/query/index'
}
declare module 'mingo/operators/projection' {
  export * from 'mingo/types/operators/projection/index'
}
