/**
 * The flow concurrency matrix (issue 14, point 2), shared by the memory-store and Redis suites:
 * every pair (a route with itself included) of qr/send, qr/status, qr/verify, push/send,
 * push/status, sms/send, challenge/send and flow/cancel, on one fresh login flow per run, the second request started
 * 0-30 ms after the first (alternating which goes first), with latency injected on every upstream
 * endpoint the pairs use (the emulator's `latency` faults, 5-30 ms, changing per batch), 200 runs
 * per pair. Counted: spurious `no_flow` (unless the pair cancelled the flow or the flow
 * completed), lost approvals (CENTAGATE accepted a QR or push approval or code, yet no request of the
 * flow, nor a later poll, answered `authenticated`), quota mismatches (users whose SMS outbox
 * differs from the SMS sends the limiter counted), 5xx answers, and the flow being unusable
 * afterwards (a live flow's next `challenge/send` must work). The emulator runs in process on
 * plain data; independent flows (one user each) run concurrently in batches.
 */
import {
  type FixturesInput,
  createEmulator,
  defaultFixtures,
  emulatorUpstream,
} from '@centagate-kit/emulator'
import type { KitRoute } from '@centagate-kit/protocol'
import {
  type RateLimitStore,
  type UpstreamTransport,
  createCentagateHandler,
} from '@centagate-kit/server'
import { createEmulatorControl } from '@centagate-kit/testkit/emulator-control'
import { createKitBrowser } from '@centagate-kit/testkit/kit-browser'

export const routes = [
  'qr/send',
  'qr/status',
  'qr/verify',
  'push/send',
  'push/status',
  'sms/send',
  'challenge/send',
  'flow/cancel',
] as const satisfies readonly KitRoute[]
type MatrixRoute = (typeof routes)[number]

export const runsPerPair = 200
/** Runs of one pair in one batch (each on its own user and flow). */
const runsPerBatch = 20
const latenciesMs = [5, 10, 20, 30]
/** The upstream endpoints the matrix exercises, each slowed per batch. */
const slowedEndpoints = [
  'authBasic',
  'requestQrCode',
  'statecheck',
  'authQrCode',
  'requestMobilePushCR',
  'requestSmsOtp',
  'requestOtpChallenge',
] as const

export const pairs: [MatrixRoute, MatrixRoute][] = routes.flatMap((first, index) =>
  routes.slice(index).map((second): [MatrixRoute, MatrixRoute] => [first, second]),
)
const usersPerBatch = pairs.length * runsPerBatch
const username = (index: number) => `m-${index}`
const hex = (value: number, length: number) => value.toString(16).padStart(length, '0')

/** The default fixtures plus users with every method: SMS, the CENTAGATE app (QR) and a CR token. */
const fixtures: FixturesInput = {
  ...defaultFixtures,
  users: [
    ...defaultFixtures.users,
    ...Array.from({ length: usersPerBatch }, (_, index) => ({
      username: username(index),
      password: `m-password-${index}`,
      userId: String(300_000 + index),
      phone: `+6019${String(index).padStart(7, '0')}`,
      device: {
        accountId: `d${hex(index, 31)}`,
        ocraSeed: `${hex(index, 8)}${'31'.repeat(28)}`,
        totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
      },
    })),
  ],
  tokens: [
    ...defaultFixtures.tokens,
    ...Array.from({ length: usersPerBatch }, (_, index) => ({
      serial: `MX${String(index).padStart(7, '0')}`,
      seed: `${hex(index, 8)}${'a5'.repeat(16)}`,
      accountId: `c${hex(index, 31)}`,
      owner: username(index),
    })),
  ],
}

export interface Figures {
  runs: number
  spuriousNoFlow: number
  lostApprovals: number
  quotaMismatches: number
  serverErrors: number
  unusableAfter: number
  smsSent: number
  authenticated: number
  /** Answers per route: `200:sent`, `409:no_flow`, ... */
  answers: Map<string, number>
  /** Examples of what went wrong, for the failure message. */
  problems: string[]
}

const random = (() => {
  // Fixed seed: the same schedule every run.
  let seed = 0x2545f491
  return () => {
    seed ^= seed << 13
    seed ^= seed >>> 17
    seed ^= seed << 5
    return (seed >>> 0) / 2 ** 32
  }
})()
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function createMatrix(storeFor: (batch: number) => Promise<RateLimitStore>) {
  const emulator = createEmulator({ fixtures })
  const wiring = emulatorUpstream(emulator, { baseUrl: 'https://centagate.test' })
  // The emulator in process on plain data (no Request/Response objects: thousands of calls).
  const transport: UpstreamTransport = async (request) => {
    const reply = await emulator.respond({
      method: request.method,
      url: request.url,
      // CENTAGATE calls carry no headers the emulator reads (the control API guard reads them).
      header: () => null,
      bodyText: request.body ?? '',
    })
    return {
      status: reply.status,
      redirect: reply.status >= 300 && reply.status < 400,
      header: (name) => reply.headers[name.toLowerCase()] ?? null,
      text: () => Promise.resolve(reply.body ?? ''),
      discard: () => Promise.resolve(),
    }
  }
  /** Whether CENTAGATE accepted a factor of the user's login (its session is complete). */
  const accepted = (user: string) => {
    const { sessions } = emulator.state
    for (const id in sessions) {
      if (sessions[id]!.username === user && sessions[id]!.status === 'complete') return true
    }
    return false
  }
  const device = createEmulatorControl(
    (request) => emulator.fetch(request),
    wiring.centagate.baseUrl,
  )

  async function runBatch(batch: number, figures: Figures) {
    await device.reset()
    for (const endpoint of slowedEndpoints) {
      await device.fault({ endpoint, kind: 'latency', delayMs: pick(latenciesMs) })
    }
    const store = await storeFor(batch)
    const handler = createCentagateHandler({
      ...wiring,
      centagate: { ...wiring.centagate, transport },
      cookieSecrets: [{ id: 'k1', secret: 'flow-concurrency-cookie-secret-0123456789' }],
      store,
    })
    const runs = pairs.flatMap((pair) =>
      Array.from({ length: runsPerBatch }, (_, index) => ({ pair, index })),
    )
    await Promise.all(
      runs.map(({ pair, index }, user) =>
        runPair(handler, pair, batch * runsPerBatch + index, username(user), figures),
      ),
    )
    // Quota: each user's SMS outbox against the sends the limiter counted for that user.
    for (let user = 0; user < usersPerBatch; user += 1) {
      const sent = (await device.outbox(username(user))).length
      const counted = (await store.get(`sms:hour:${username(user)}`))?.count ?? 0
      figures.smsSent += sent
      if (sent !== counted) {
        figures.quotaMismatches += 1
        figures.problems.push(`${username(user)}: ${sent} SMS sent, ${counted} counted`)
      }
    }
  }

  /** One run: a fresh login flow, what the pair needs, the pair, then the checks. */
  async function runPair(
    handler: ReturnType<typeof createCentagateHandler>,
    [first, second]: [MatrixRoute, MatrixRoute],
    run: number,
    user: string,
    figures: Figures,
  ) {
    const browser = createKitBrowser((request) => handler(request))
    const login = await browser.post('login/start', {
      username: user,
      password: `m-password-${user.slice(2)}`,
    })
    if (login.status !== 200) throw new Error(`login ${user}: ${login.raw}`)
    const uses = (route: MatrixRoute) => first === route || second === route
    let otp = '000000'
    // The poll that must see an approval CENTAGATE accepted (the pending challenge's method).
    let approvalPoll: 'qr/status' | 'push/status' = 'qr/status'
    if (uses('qr/status') || uses('qr/verify')) {
      const sent = await browser.post<{ qrValue: string }>('qr/send')
      if (sent.status !== 200) throw new Error(`qr/send ${user}: ${sent.raw}`)
      if (uses('qr/verify')) otp = (await device.scan(sent.body.qrValue)).otp
      // Half of the runs: the user approved in the app, so a statecheck completes the login.
      if (uses('qr/status') && run % 4 < 2) await device.decide(user, 'approve')
    } else if (uses('push/status')) {
      const sent = await browser.post('push/send')
      if (sent.status !== 200) throw new Error(`push/send ${user}: ${sent.raw}`)
      approvalPoll = 'push/status'
      // Half of the runs: the user approved the push, so a statecheck completes the login.
      if (run % 4 < 2) await device.decidePush(user, 'approve')
    }
    const body = (route: MatrixRoute) => (route === 'qr/verify' ? { otp } : {})
    // Alternate which request goes first; the second starts 0-30 ms later.
    const [early, late] = run % 2 === 0 ? [first, second] : [second, first]
    const gap = Math.floor(random() * 31)
    const answers = await Promise.all([
      browser.post(early, body(early)),
      sleep(gap).then(() => browser.post(late, body(late))),
    ])

    const codeOf = (answer: (typeof answers)[number]) =>
      answer.status === 200
        ? String((answer.body as { status?: string }).status)
        : String((answer.body as { error?: { code?: string } }).error?.code)
    let authenticated = answers.some((answer) => codeOf(answer) === 'authenticated')
    const centagateAccepted = accepted(user)
    const cancelled = early === 'flow/cancel' || late === 'flow/cancel'
    answers.forEach((answer, index) => {
      const route = index === 0 ? early : late
      const key = `${route} ${answer.status}:${codeOf(answer)}`
      figures.answers.set(key, (figures.answers.get(key) ?? 0) + 1)
      if (answer.status >= 500) {
        figures.serverErrors += 1
        figures.problems.push(`${early}+${late} (${user}): ${route} ${answer.raw}`)
      }
    })
    // An accepted factor must reach the browser: in the pair, or at the next poll.
    if (centagateAccepted && !authenticated && !cancelled) {
      const poll = await browser.post(approvalPoll)
      authenticated = codeOf(poll) === 'authenticated'
      if (!authenticated) {
        figures.lostApprovals += 1
        figures.problems.push(`${early}+${late} (${user}): approval lost, poll ${poll.raw}`)
      }
    }
    if (authenticated) figures.authenticated += 1
    const ended = cancelled || authenticated || centagateAccepted
    for (const [index, answer] of answers.entries()) {
      if (codeOf(answer) === 'no_flow' && !ended) {
        figures.spuriousNoFlow += 1
        figures.problems.push(
          `${early}+${late} (${user}): ${index === 0 ? early : late} answered no_flow`,
        )
      }
    }
    // A flow that is still live must still work with the newest authToken.
    if (!ended) {
      const next = await browser.post('challenge/send')
      if (next.status !== 200) {
        figures.unusableAfter += 1
        if (codeOf(next) === 'no_flow') figures.spuriousNoFlow += 1
        figures.problems.push(`${early}+${late} (${user}): then challenge/send ${next.raw}`)
      }
    }
    figures.runs += 1
  }

  return {
    async run(): Promise<Figures> {
      const figures: Figures = {
        runs: 0,
        spuriousNoFlow: 0,
        lostApprovals: 0,
        quotaMismatches: 0,
        serverErrors: 0,
        unusableAfter: 0,
        smsSent: 0,
        authenticated: 0,
        answers: new Map(),
        problems: [],
      }
      for (let batch = 0; batch < runsPerPair / runsPerBatch; batch += 1) {
        await runBatch(batch, figures)
      }
      return figures
    },
  }
}

/** What a matrix run measured, with its tables for the suite to print. */
export interface FlowMatrixResult {
  figures: Figures
  /** pairs × runs × store, spurious no_flow, lost approvals, quota mismatches, time taken. */
  summary: Record<string, string | number>
  /** Answers per route. */
  answers: Record<string, Record<string, number>>
}

/** The heading of a run's printed figures. */
export const matrixTitle = (storeName: string) =>
  `\nflow concurrency matrix: ${pairs.length} pairs of ${routes.join(', ')} × ${runsPerPair} runs, ${storeName} store`

/** Runs the matrix on a store (`storeFor(batch)`: a fresh store, or key prefix, per batch). */
export async function runFlowMatrix(
  storeName: string,
  storeFor: (batch: number) => Promise<RateLimitStore>,
): Promise<FlowMatrixResult> {
  const started = performance.now()
  const cpu = process.cpuUsage()
  const figures = await createMatrix(storeFor).run()
  const used = process.cpuUsage(cpu)
  const answers: Record<string, Record<string, number>> = {}
  for (const [key, count] of figures.answers) {
    const [route, answer] = key.split(' ') as [string, string]
    answers[route] = { ...answers[route], [answer]: count }
  }
  return {
    figures,
    answers,
    summary: {
      store: storeName,
      pairs: pairs.length,
      'runs (pairs × 200)': figures.runs,
      'spurious no_flow': figures.spuriousNoFlow,
      'lost approvals': figures.lostApprovals,
      'quota mismatches': figures.quotaMismatches,
      '5xx': figures.serverErrors,
      'unusable after': figures.unusableAfter,
      'SMS sent': figures.smsSent,
      authenticated: figures.authenticated,
      seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
      // The test process's CPU (kit, emulator, browser double): steadier on a busy machine.
      'CPU s': Number(((used.user + used.system) / 1e6).toFixed(1)),
    },
  }
}
