/**
 * The server micro-benchmarks (flow-cookie sealer, sha256Hex, the AES-GCM floor) measure the
 * server package's internals, so they live in the package (packages/server/bench/micro.ts) and
 * run through its own script; and the kit handler's own CPU per request in process.
 */
import { execFileSync } from 'node:child_process'
import { bundleBenchScript } from './bundle-servers'
import type { InProcessResult } from './kit-in-process'

export interface MicroResult {
  name: string
  cpuUsPerOp: number
  wallUsPerOp: number
}

/** `pnpm --filter @centagate-kit/server bench:micro`: one JSON line of results. */
export function runMicro(): Promise<MicroResult[]> {
  const output = execFileSync(
    'pnpm',
    ['--silent', '--filter', '@centagate-kit/server', 'run', 'bench:micro'],
    { encoding: 'utf8', timeout: 300_000 },
  )
  return Promise.resolve(JSON.parse(output.trim().split('\n').pop()!) as MicroResult[])
}

/** The kit handler's own CPU per wrong-code `sms/verify`, no sockets (kit-in-process.ts). */
export async function runKitInProcess(): Promise<InProcessResult> {
  const script = await bundleBenchScript('kit-in-process')
  const output = execFileSync(process.execPath, [script], {
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
    timeout: 120_000,
  })
  return JSON.parse(output.trim().split('\n').pop()!) as InProcessResult
}
