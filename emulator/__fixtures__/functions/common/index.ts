/** Shared code folder: must be skipped by function discovery. */
export function main(): never {
  throw new Error('common is not a function')
}
