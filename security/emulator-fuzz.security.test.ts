// Threat: malformed or hostile requests crashing the CENTAGATE emulator or making it answer
// outside the documented contract (T-H1, T-B4): a 5xx, a thrown handler, an answer that is neither
// a CENTAGATE envelope {code, message, object} with a documented return code nor a 404, or a
// polluted prototype. Every CENTAGATE endpoint of the catalogue gets 2,000 generated requests
// (fixed seed), a share of them correctly signed so that the business logic sees hostile values.
import fc from 'fast-check'
import { createEmulator } from '@centagate-kit/emulator'
import { afterAll, describe, expect, it } from 'vitest'
import { createCanaries, findCanaries } from './support/canaries'
import { suiteFixtures } from './support/fixtures'
import {
  endpointList,
  endpointPath,
  endpoints,
  parseEnvelope,
  returnCodes,
} from '@centagate-kit/protocol'
import type { EndpointDefinition } from '@centagate-kit/protocol'
import { createHmacSigner } from '@centagate-kit/protocol/signing'
import { createEmulatorLogCapture, upstreamBaseUrl } from './support/stack'
import { type EmulatorCase, emulatorCases, livePlaceholder } from './fuzz/emulator-requests'
import { prototypeIsPolluted } from './fuzz/hostile-values'

const runsPerEndpoint = 2_000
const seed = 3_000_007

const canaries = createCanaries()
const signer = createHmacSigner(canaries.secretKey)
const logs = createEmulatorLogCapture()
const allAnswers: string[] = []

interface EndpointFigures {
  endpoint: string
  requests: number
  envelopes: number
  notFound: number
  wrongMethod: number
  fiveXx: number
  bad: number
  codes: Map<string, number>
  /** Codes of the correctly signed requests (right key, current timestamp, valid HMAC). */
  signedCodes: Map<string, number>
}
const figures: EndpointFigures[] = []
const primed: string[] = []

const fallbackParams: Record<string, string> = {
  adminUsername: 'admin',
  username: 'alice',
  cenToken: '0'.repeat(64),
  userId: '10001',
}

function pathFor(endpoint: EndpointDefinition, params: Readonly<Record<string, string>>): string {
  try {
    return endpointPath(endpoint, params)
  } catch {
    return endpointPath(endpoint, fallbackParams)
  }
}

type Emulator = ReturnType<typeof createEmulator>

interface LiveValues {
  TOKEN: string[]
  CHALLENGE: string[]
  DEVACC: string[]
}

/** A correctly signed call of `name` (what the kit server would send). */
async function signedCall(
  emulator: Emulator,
  name: keyof typeof endpoints,
  fields: Record<string, string>,
): Promise<Record<string, unknown>> {
  const endpoint = endpoints[name] as EndpointDefinition
  const body: Record<string, string> = {
    ...fields,
    integrationKey: canaries.integrationKey,
    unixTimestamp: String(Math.floor(Date.now() / 1000)),
  }
  body.hmac = await signer.signFields(endpoint.signedOrder, body)
  const response = await emulator.fetch(
    new Request(`${upstreamBaseUrl}${endpointPath(endpoint, {})}`, {
      method: endpoint.method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  )
  const envelope = parseEnvelope(await response.text())
  return (envelope.object ?? {}) as Record<string, unknown>
}

/** Live sessions and pending challenges, so fuzzed calls can name real ones. */
async function primeSessions(emulator: Emulator): Promise<LiveValues> {
  const live: LiveValues = { TOKEN: [], CHALLENGE: [], DEVACC: [] }
  const keep = (object: Record<string, unknown>) => {
    if (typeof object.authToken === 'string') live.TOKEN.push(object.authToken)
    if (typeof object.otpChallenge === 'string') live.CHALLENGE.push(object.otpChallenge)
    if (typeof object.defAccId === 'string') live.DEVACC.push(object.defAccId)
  }
  const sessions: Record<string, string> = {}
  for (const [username, password] of [
    ['alice', 'alice-password'],
    ['bob', 'bob-password'],
    ['dave', 'dave-password'],
  ] as const) {
    const object = await signedCall(emulator, 'authBasic', { username, password })
    keep(object)
    if (typeof object.authToken === 'string') sessions[username] = object.authToken
  }
  keep(
    await signedCall(emulator, 'requestSmsOtp', { username: 'bob', authToken: sessions.bob ?? '' }),
  )
  keep(
    await signedCall(emulator, 'requestOtpChallenge', {
      username: 'dave',
      authToken: sessions.dave ?? '',
      otpType: 'offline',
    }),
  )
  keep(
    await signedCall(emulator, 'requestQrCode', {
      username: 'alice',
      authToken: sessions.alice ?? '',
      devAccId: live.DEVACC[0] ?? '',
      details: Buffer.from('Pay MYR 10.00 to fuzz').toString('base64'),
    }),
  )
  keep(
    await signedCall(emulator, 'requestTransactionSigningChallenge', {
      username: 'dave',
      details: 'Pay MYR 20.00',
      transactionId: 'tx-fuzz-1',
    }),
  )
  return live
}

function substitute(value: string | undefined, live: LiveValues): string | undefined {
  const match = value === undefined ? null : livePlaceholder.exec(value)
  if (match === null) return value
  const pool = live[match[1] as keyof LiveValues]
  return pool.length === 0 ? '' : pool[Number(match[2]) % pool.length]
}

async function toRequest(
  endpoint: EndpointDefinition,
  sample: EmulatorCase,
  live: LiveValues,
): Promise<Request> {
  const url = `${upstreamBaseUrl}${pathFor(endpoint, sample.pathParams)}`
  const headers = new Headers()
  if (sample.contentType !== null) headers.set('content-type', sample.contentType)
  if (sample.method === 'GET' || sample.method === 'HEAD') {
    return new Request(url, { method: sample.method, headers })
  }
  let body = sample.body
  if (sample.kind === 'signed') {
    const fields: Record<string, string | undefined> = {}
    for (const [name, value] of Object.entries(sample.fields ?? {})) {
      fields[name] = substitute(value, live)
    }
    if (sample.integrationKeyMode === 'right') fields.integrationKey = canaries.integrationKey
    if (sample.integrationKeyMode === 'wrong') fields.integrationKey = 'f'.repeat(64)
    const now = Math.floor(Date.now() / 1000)
    fields.unixTimestamp =
      sample.timestampOffset === 'garbage' ? '12e3' : String(now + (sample.timestampOffset ?? 0))
    if (endpoint.auth === 'hmac') {
      fields.hmac =
        sample.hmacMode === 'valid'
          ? await signer.signFields(endpoint.signedOrder, fields)
          : 'A'.repeat(63)
    }
    if (endpoint.auth === 'cenToken') fields.cenToken = 'ab'.repeat(32)
    body = JSON.stringify(fields)
  }
  return new Request(url, { method: sample.method, headers, body: body as BodyInit })
}

function describeCase(sample: EmulatorCase): string {
  const body =
    sample.body === undefined
      ? JSON.stringify(sample.fields ?? {})
      : typeof sample.body === 'string'
        ? sample.body
        : `bytes(${sample.body.length})`
  const shown = body.length > 120 ? `${body.slice(0, 120)}…(${body.length})` : body
  return `${sample.kind} ${sample.method} ${String(sample.contentType)} ${JSON.stringify(sample.pathParams).slice(0, 80)} ${shown}`
}

afterAll(() => {
  console.log(
    `\nemulator fuzz (seed ${seed}, ${runsPerEndpoint} per endpoint; primed live state, e.g. ${primed[0] ?? '-'})`,
  )
  console.table(
    figures.map((f) => ({
      endpoint: f.endpoint,
      requests: f.requests,
      envelopes: f.envelopes,
      '404': f.notFound,
      '405 (wrong method)': f.wrongMethod,
      '5xx': f.fiveXx,
      'off-contract': f.bad,
      'top codes': [...f.codes]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([code, count]) => `${code}:${count}`)
        .join(' '),
      'signed: top codes': [...f.signedCodes]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([code, count]) => `${code}:${count}`)
        .join(' '),
    })),
  )
  const sum = (pick: (f: EndpointFigures) => number) => figures.reduce((s, f) => s + pick(f), 0)
  console.log(
    `emulator fuzz total: ${sum((f) => f.requests)} requests, ${sum((f) => f.fiveXx)} x 5xx, ` +
      `${sum((f) => f.bad)} off-contract answers, ${sum((f) => f.envelopes)} envelopes, ${sum((f) => f.notFound)} x 404, ${sum((f) => f.wrongMethod)} x 405 (wrong method)`,
  )
})

describe('emulator fuzz', () => {
  it.each(endpointList.map((endpoint, index) => [endpoint.name, endpoint, index] as const))(
    '%s: 2,000 hostile requests, 0 x 5xx, every answer an envelope with a documented code, or 404/405',
    async (name, endpoint, index) => {
      // A fresh emulator per endpoint: a fuzzed call may lock a fixture user or move state.
      const emulator = createEmulator({ fixtures: suiteFixtures(canaries), logger: logs })
      const live = await primeSessions(emulator)
      primed.push(`${name}: ${live.TOKEN.length} tokens, ${live.CHALLENGE.length} challenges`)
      const samples = fc.sample(emulatorCases(endpoint), {
        numRuns: runsPerEndpoint,
        seed: seed + index,
      })
      const result: EndpointFigures = {
        endpoint: name,
        requests: 0,
        envelopes: 0,
        notFound: 0,
        wrongMethod: 0,
        fiveXx: 0,
        bad: 0,
        codes: new Map(),
        signedCodes: new Map(),
      }
      const problems: string[] = []
      for (const sample of samples) {
        let response: Response
        try {
          response = await emulator.fetch(await toRequest(endpoint, sample, live))
        } catch (error) {
          result.bad += 1
          if (problems.length < 5)
            problems.push(`threw ${String(error)} <- ${describeCase(sample)}`)
          continue
        }
        result.requests += 1
        const text = await response.text()
        allAnswers.push(text.slice(0, 4_096))
        if (response.status >= 500) result.fiveXx += 1
        if (response.status === 404) {
          result.notFound += 1
          continue
        }
        // A documented path called with another method: the emulator answers 405 (HTTP's own
        // "wrong method"), which is as much a refusal as a 404.
        if (response.status === 405 && sample.kind === 'method') {
          result.wrongMethod += 1
          continue
        }
        try {
          if (response.status !== 200) throw new Error(`HTTP ${response.status}`)
          const envelope = parseEnvelope(text)
          if (returnCodes[envelope.code] === undefined) {
            throw new Error(`undocumented code ${envelope.code}`)
          }
          result.envelopes += 1
          result.codes.set(envelope.code, (result.codes.get(envelope.code) ?? 0) + 1)
          if (
            sample.kind === 'signed' &&
            sample.hmacMode === 'valid' &&
            sample.integrationKeyMode === 'right' &&
            sample.timestampOffset === 0 &&
            sample.contentType === 'application/json'
          ) {
            result.signedCodes.set(envelope.code, (result.signedCodes.get(envelope.code) ?? 0) + 1)
          }
        } catch (error) {
          result.bad += 1
          if (problems.length < 5) {
            problems.push(`${String(error)}: ${text.slice(0, 160)} <- ${describeCase(sample)}`)
          }
        }
      }
      figures.push(result)
      expect(problems).toEqual([])
      expect(result.requests).toBe(runsPerEndpoint)
      expect(result.fiveXx).toBe(0)
      expect(prototypeIsPolluted()).toBe(false)
    },
  )

  it('no canary secret in any emulator answer or log line', () => {
    expect(allAnswers.length).toBeGreaterThan(0)
    expect(findCanaries(canaries, 'emulator answers', allAnswers.join('\n'))).toEqual([])
    expect(findCanaries(canaries, 'emulator log', logs.lines.join('\n'))).toEqual([])
  })
})
