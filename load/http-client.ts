/**
 * A small keep-alive HTTP/1.1 JSON client on node:http for the load runs: Node 20's global fetch
 * costs ~370 µs of CPU per request on this kind of machine (anchors-performance 2.2), which would
 * make the load generator, not the kit, the bottleneck on 2 cores.
 */
import { Agent, request as httpRequest } from 'node:http'

export interface HttpAnswer {
  status: number
  body: string
  setCookies: string[]
}

export class KeepAliveClient {
  private readonly agent: Agent

  constructor(maxSockets: number) {
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets })
  }

  /**
   * One request. A GET (idempotent) is retried once when a pooled keep-alive connection turns out
   * to have been closed by the server just before reuse (`ECONNRESET`/"socket hang up": the
   * classic race with Node's 5 s server keep-alive timeout); a POST never is.
   */
  async send(
    url: string,
    options: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ): Promise<HttpAnswer> {
    const method = options.method ?? (options.body === undefined ? 'GET' : 'POST')
    try {
      return await this.once(url, options)
    } catch (error) {
      const code = (error as { code?: string }).code
      if (method !== 'GET' || (code !== 'ECONNRESET' && code !== 'EPIPE')) throw error
      return this.once(url, options)
    }
  }

  private once(
    url: string,
    options: { method?: string; headers?: Record<string, string>; body?: string },
  ): Promise<HttpAnswer> {
    return new Promise((resolve, reject) => {
      const target = new URL(url)
      const body = options.body === undefined ? undefined : Buffer.from(options.body)
      const req = httpRequest(
        {
          agent: this.agent,
          host: target.hostname,
          port: target.port,
          path: `${target.pathname}${target.search}`,
          method: options.method ?? (body === undefined ? 'GET' : 'POST'),
          headers: {
            ...options.headers,
            ...(body === undefined ? {} : { 'content-length': String(body.length) }),
          },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => {
            const cookies = res.headers['set-cookie'] ?? []
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              setCookies: cookies,
            })
          })
          res.on('error', reject)
        },
      )
      req.on('error', reject)
      req.setTimeout(30_000, () => req.destroy(new Error('client timeout (30 s)')))
      req.end(body)
    })
  }

  close(): void {
    this.agent.destroy()
  }
}
