/**
 * A public count as someone copies it from a WeChat Channels profile: digits, maybe thousands commas,
 * maybe in 万 (Channels shows "1.2万" for 12,000, and "10万+" once past 100,000). '' is left blank
 * (undefined); anything else unreadable is NaN, which the input schema refuses as 请输入数字.
 *
 * @example
 * readCount('12,000') //=> 12000
 * readCount('1.2万')  //=> 12000
 * readCount('10万+')  //=> 100000
 * readCount('')       //=> undefined
 * readCount('1.5')    //=> 1.5 (refused later as 应为整数)
 * readCount('abc')    //=> NaN
 */
export function readCount(text: string | undefined): number | undefined {
  const t = (text ?? '').replace(/[,，\s+]/g, '')
  if (t === '') return undefined
  const wan = /^(\d+(?:\.\d+)?)[万w]$/i.exec(t)
  // Rounded: 1.2 × 10,000 is 11999.999… in binary floating point.
  if (wan) return Math.round(Number(wan[1]) * 10_000)
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN
}
