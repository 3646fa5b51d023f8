/** Test fixture: a function whose main always throws. */
export async function main(): Promise<never> {
  throw new Error('boom: secret stack detail')
}
