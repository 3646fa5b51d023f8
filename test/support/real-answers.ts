// Runs the real cloud functions on a fresh in-memory local cloud seeded with the demo team, and prints
// (as JSON) what they answer for the calls a weapp test needs, so the build-output test draws real data.
// Run by the weapp tests in a child process: the local cloud needs Node, the weapp harness needs jsdom.
//
//   npx tsx test/support/real-answers.ts <openid> <fn.action>[=<json input>] ...
import seed from '../../emulator/seed'
import { createTestCloud } from './cloud'

async function main() {
  const [openid, ...wanted] = process.argv.slice(2)
  const cloud = await createTestCloud()
  await seed({ invoke: (fn, event, who) => cloud.call(fn, who, event as { action: string }), store: cloud.store, now: new Date() })
  const answers: Record<string, unknown> = {}
  for (const [i, w] of wanted.entries()) {
    const [key, json] = w.split(/=(.*)/s)
    const [fn, action] = key.split('.')
    // A write (a report made on demand) needs its request id; reads ignore it.
    answers[key] = await cloud.call(fn, openid, { action, data: json ? JSON.parse(json) : {}, requestId: `real-answers-${i}` })
  }
  cloud.close()
  process.stdout.write(JSON.stringify(answers))
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
