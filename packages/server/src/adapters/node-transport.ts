// Node-only: CENTAGATE calls on undici's dispatcher API (`Pool.request`, keep-alive, one pool per
// origin). In the benchmark the kit spent more CPU in undici's fetch (WHATWG Request/Response,
// streams) than in anything else; the dispatcher API is what the pass-through proxy baseline uses,
// and a Pool per origin measured ~10 % more proxy throughput than routing through an Agent.
import { EventEmitter } from 'node:events'
import { Pool } from 'undici'
import {
  BodyTooLargeError,
  UpstreamDeadlineError,
  type UpstreamRequest,
  type UpstreamResponse,
  type UpstreamTransport,
} from '../centagate-client/upstream-transport'
import { nodeHeaderValue } from './node-header-value'

export interface NodeTransportOptions {
  /** Max sockets per origin. Default 64. */
  connections?: number
  /** Idle keep-alive in ms. Default 10 000. */
  keepAliveTimeoutMs?: number
}

type UndiciAnswer = Awaited<ReturnType<Pool['request']>>
type UndiciBody = UndiciAnswer['body']

/**
 * The exchange's deadline as the abort signal undici accepts in EventEmitter form (`aborted`,
 * `reason`, an 'abort' event): an AbortController + EventTarget per call cost ~25 us of CPU in
 * the benchmark profile, an EventEmitter and one timer a fraction of that.
 */
class Deadline extends EventEmitter {
  aborted = false
  reason: UpstreamDeadlineError | undefined
  private readonly timer: ReturnType<typeof setTimeout>

  constructor(timeoutMs: number) {
    super()
    this.timer = setTimeout(() => {
      this.aborted = true
      this.reason = new UpstreamDeadlineError('upstream deadline passed')
      this.emit('abort')
    }, timeoutMs)
  }

  clear(): void {
    clearTimeout(this.timer)
  }

  /** The deadline error when it has passed, else `error`. */
  explain(error: unknown): unknown {
    return this.aborted ? this.reason : error
  }
}

/** Reads at most `maxBytes` of the body as UTF-8; past the cap the socket is dropped. */
function readCappedText(body: UndiciBody, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let total = 0
    body.on('data', (chunk: Buffer) => {
      total += chunk.length
      if (total > maxBytes) {
        body.destroy()
        reject(new BodyTooLargeError(`more than ${maxBytes} bytes`))
      } else chunks.push(chunk)
    })
    body.on('end', () => resolve(Buffer.concat(chunks, total).toString('utf8')))
    body.on('error', reject)
  })
}

/** A transport on dedicated keep-alive undici Pools (one per origin); redirects are never followed. */
export function createNodeTransport(
  options: NodeTransportOptions = {},
): UpstreamTransport & { close(): Promise<void> } {
  const pools = new Map<string, Pool>()
  const poolFor = (origin: string) => {
    let pool = pools.get(origin)
    if (pool === undefined) {
      pool = new Pool(origin, {
        connections: options.connections ?? 64,
        keepAliveTimeout: options.keepAliveTimeoutMs ?? 10_000,
      })
      pools.set(origin, pool)
    }
    return pool
  }
  // The client calls a handful of fixed URLs: split each once, not per call.
  const targets = new Map<string, { origin: string; path: string }>()
  const targetOf = (href: string) => {
    let target = targets.get(href)
    if (target === undefined) {
      const url = new URL(href)
      target = { origin: url.origin, path: url.pathname + url.search }
      if (targets.size >= 256) targets.clear()
      targets.set(href, target)
    }
    return target
  }
  const transport = async (request: UpstreamRequest): Promise<UpstreamResponse> => {
    const { origin, path } = targetOf(request.url)
    const deadline = new Deadline(request.timeoutMs)
    let answer: UndiciAnswer
    try {
      answer = await poolFor(origin).request({
        path,
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
        signal: deadline,
      })
    } catch (error) {
      deadline.clear()
      throw deadline.explain(error)
    }
    const { statusCode, headers, body } = answer
    const header = (name: string) => nodeHeaderValue(headers, name)
    const declared = Number(header('content-length') ?? Number.NaN)
    return {
      status: statusCode,
      redirect: statusCode >= 300 && statusCode < 400,
      header,
      text: async (maxBytes) => {
        try {
          if (Number.isFinite(declared) && declared > maxBytes) {
            body.destroy()
            throw new BodyTooLargeError(`declared ${declared} bytes`)
          }
          // undici fails a body longer than its declared length, so a declared length within
          // the cap bounds the read: take undici's own fast reader. Otherwise count as we go.
          if (Number.isFinite(declared)) return await body.text()
          return await readCappedText(body, maxBytes)
        } catch (error) {
          throw deadline.explain(error)
        } finally {
          deadline.clear()
        }
      },
      discard: async () => {
        deadline.clear()
        await body.dump().catch(() => undefined)
      },
    }
  }
  const close = async () => {
    await Promise.all([...pools.values()].map((pool) => pool.close()))
    pools.clear()
  }
  return Object.assign(transport, { close })
}
