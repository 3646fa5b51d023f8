/** Test fixture: writes batches of documents to a store until killed (see persistence.int.test.ts). */
import { Store } from '../store'

const [file, batchText] = process.argv.slice(2)
const batch = Number(batchText)
const store = new Store(file)
let round = 0
const started = Date.now()
process.stdout.write('ready\n')
// Stops by itself after 15 s in case the test that should kill it died first.
while (Date.now() - started < 15_000) {
  const docs = Array.from({ length: batch }, (_x, i) => ({ round, i, pad: 'x'.repeat(200) }))
  store.insert('crash', docs)
  // one multi-document update per round too: all of a round's docs or none carry `touched`
  store.update('crash', { round }, { $set: { touched: true } }, { multi: true, upsert: false, replace: false })
  round++
}
