// The parts of autocannon 9 the benchmark uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  export interface AutocannonRequest {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
    setupRequest?: (
      request: AutocannonRequest,
      context: Record<string, unknown>,
    ) => AutocannonRequest
    onResponse?: (
      status: number,
      body: string,
      context: Record<string, unknown>,
      headers: Record<string, string | string[]>,
    ) => void
  }

  export interface AutocannonOptions extends AutocannonRequest {
    url: string
    connections?: number
    duration?: number
    pipelining?: number
    timeout?: number
    requests?: AutocannonRequest[]
  }

  export interface AutocannonResult {
    requests: { average: number; total: number }
    latency: { p50: number; p99: number; average: number }
    duration: number
    errors: number
    timeouts: number
    non2xx: number
  }

  export interface Instance extends EventEmitter {
    on(
      event: 'response',
      listener: (
        client: unknown,
        statusCode: number,
        resBytes: number,
        responseTime: number,
      ) => void,
    ): this
    stop(): void
  }

  export default function autocannon(
    options: AutocannonOptions,
    callback: (error: Error | null, result: AutocannonResult) => void,
  ): Instance
}
