/**
 * Device signals sent with every kit call: `navigator.userAgent` and the FingerprintJS visitor id.
 * The fingerprint is loaded lazily, only after `start()`, and never delays a request by more than
 * the deadline: past it the request goes with `browserFp: ""` (the server accepts that).
 */
import { loadFingerprintVisitorId } from './fingerprint-loader'

export interface DeviceSignals {
  /** Starts loading the fingerprint (call on mount or idle, never on submit). Idempotent. */
  start(): void
  /** Signals, waiting at most `deadlineMs` for the visitor id; never rejects. */
  get(): Promise<{ userAgent: string; browserFp: string }>
}

export interface DeviceSignalsOptions {
  /** Compute a FingerprintJS visitor id. @default true */
  fingerprint?: boolean
  /** How long `get()` waits for a visitor id still loading. @default 300 */
  deadlineMs?: number
  /** Visitor id loader (tests, another fingerprinting library). @default FingerprintJS, lazily imported */
  loadVisitorId?: () => Promise<string>
  /** User agent source. @default () => navigator.userAgent, or "" without navigator */
  userAgent?: () => string
}

/** Same limits as the protocol's `deviceSignals` schema, so a bad id never fails a request. */
const visitorIdPattern = /^[A-Za-z0-9_-]{1,64}$/
const maxUserAgentLength = 512

export function createDeviceSignals(options: DeviceSignalsOptions = {}): DeviceSignals {
  const fingerprint = options.fingerprint ?? true
  const deadlineMs = options.deadlineMs ?? 300
  const loadVisitorId = options.loadVisitorId ?? loadFingerprintVisitorId
  const readUserAgent =
    options.userAgent ??
    (() => (typeof navigator === 'undefined' ? '' : String(navigator.userAgent ?? '')))

  let visitorId = ''
  let loading: Promise<void> | undefined

  const userAgent = () => {
    try {
      return readUserAgent().slice(0, maxUserAgentLength)
    } catch {
      return ''
    }
  }

  return {
    start() {
      if (!fingerprint || loading) return
      loading = Promise.resolve()
        .then(loadVisitorId)
        .then(
          (id) => {
            if (typeof id === 'string' && visitorIdPattern.test(id)) visitorId = id
          },
          (error: unknown) => {
            // Blocked by an extension, CSP... the kit works without it.
            console.warn('centagate-kit: device fingerprint unavailable', error)
          },
        )
    },
    async get() {
      if (loading && !visitorId) {
        let timer: ReturnType<typeof setTimeout> | undefined
        const deadline = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, deadlineMs)
        })
        await Promise.race([loading, deadline])
        clearTimeout(timer)
      }
      return { userAgent: userAgent(), browserFp: visitorId }
    },
  }
}
