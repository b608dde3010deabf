/**
 * What the suites capture so the canary check can read it afterwards: every log line of the kit
 * server and the emulator (at debug level), and every browser-visible response (status, headers,
 * body) the kit handler produced.
 */

/** The shape both the server's and the emulator's injectable loggers accept. */
export interface CapturingLogger {
  debug(message: string, fields?: Readonly<Record<string, unknown>>): void
  info(message: string, fields?: Readonly<Record<string, unknown>>): void
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void
  error(message: string, fields?: Readonly<Record<string, unknown>>): void
  /** One JSON line per call, in order. */
  readonly lines: string[]
}

/** JSON that never throws (cycles, BigInt, errors with their stack). */
export function safeStringify(value: unknown): string {
  const seen = new WeakSet<object>()
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'bigint') return item.toString()
    if (item instanceof Error) {
      return { name: item.name, message: item.message, stack: item.stack, cause: item.cause }
    }
    if (typeof item === 'object' && item !== null) {
      if (seen.has(item)) return '[cycle]'
      seen.add(item)
    }
    return item
  })
}

/** A logger that keeps every line (never prints). */
export function createCapturingLogger(source: string): CapturingLogger {
  const lines: string[] = []
  const write =
    (level: string) => (message: string, fields?: Readonly<Record<string, unknown>>) => {
      lines.push(safeStringify({ source, level, message, fields }))
    }
  return {
    lines,
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
  }
}

export interface CapturedExchange {
  readonly url: string
  readonly status: number
  readonly headers: string
  readonly body: string
}

/** Records every response of a fetch-style handler as the browser would see it. */
export class TrafficRecorder {
  readonly exchanges: CapturedExchange[] = []

  /** Wraps `handler`: same behaviour, every response copied into {@link exchanges}. */
  wrap<Context>(
    handler: (request: Request, context?: Context) => Promise<Response>,
  ): (request: Request, context?: Context) => Promise<Response> {
    return async (request, context) => {
      const response = await (context === undefined ? handler(request) : handler(request, context))
      const body = await response.clone().text()
      const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')
      this.exchanges.push({ url: request.url, status: response.status, headers, body })
      return response
    }
  }

  /** Everything recorded, as one text (for the canary scan). */
  text(): string {
    return this.exchanges.map((e) => `${e.url}\n${e.status}\n${e.headers}\n\n${e.body}`).join('\n')
  }
}
