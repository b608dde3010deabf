// Node-only: a keep-alive undici Agent. On this kind of machine a proxy through undici's pooled
// dispatcher reached ~19.9k req/s where Node 20's global fetch reached ~3.1k
// (shared/reference/anchors-performance.md 2.2). Kept out of the core so browser builds never see it.
import { Agent, fetch as undiciFetch } from 'undici'
import type { FetchLike } from '../centagate-client/create-centagate-client'

export interface NodeFetchOptions {
  /** Max sockets per origin. Default 64. */
  connections?: number
  /** Idle keep-alive in ms. Default 10 000. */
  keepAliveTimeoutMs?: number
}

/** A fetch on a dedicated keep-alive undici Agent (redirects stay as the caller asks). */
export function createNodeFetch(
  options: NodeFetchOptions = {},
): FetchLike & { close(): Promise<void> } {
  const agent = new Agent({
    connections: options.connections ?? 64,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 10_000,
  })
  const nodeFetch = ((input: string, init: RequestInit) =>
    undiciFetch(input, {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher: agent,
    }) as unknown as Promise<Response>) as FetchLike & { close(): Promise<void> }
  nodeFetch.close = () => agent.close()
  return nodeFetch
}
