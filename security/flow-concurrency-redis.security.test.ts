// Threat: concurrent requests of one flow breaking it (issue 14, point 2), with the flow records
// and counters on Redis, as several handler instances keep them (see flow-concurrency.security.
// test.ts for the threat in full): the concurrency matrix (`support/flow-matrix.ts`) against a
// real redis-server (Debian, loopback, a fresh key prefix per batch).
import { createRedisStore } from '@centagate-kit/server/redis'
import { startRedis } from '@centagate-kit/testkit/redis'
import { afterAll, beforeAll, it } from 'vitest'
import { expectFlowsSurvived } from './support/flow-matrix-expectations'
import { matrixTitle, pairs, runFlowMatrix, runsPerPair } from './support/flow-matrix'

let redis: Awaited<ReturnType<typeof startRedis>>
beforeAll(async () => {
  redis = await startRedis()
})
afterAll(async () => {
  await redis.close()
})

it(`redis store: ${pairs.length} pairs × ${runsPerPair} runs: 0 spurious no_flow, 0 lost approvals, 0 quota mismatches`, async () => {
  const client = redis.client()
  await redis.ready()
  const result = await runFlowMatrix('redis', (batch) =>
    Promise.resolve(createRedisStore({ redis: client, prefix: `matrix-${batch}:` })),
  )
  console.log(matrixTitle('redis'))
  console.table([result.summary])
  console.table(result.answers)
  expectFlowsSurvived(result.figures)
}, 120_000)
