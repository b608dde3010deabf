/** Reading the emulator's SMS outbox (`GET /__emulator/outbox?username=`). */

interface OutboxMessage {
  code?: string
  text?: string
}

/** The messages of an outbox answer (an array, or `{ messages: [...] }`). */
export function outboxMessages(outbox: unknown): OutboxMessage[] {
  if (Array.isArray(outbox)) return outbox as OutboxMessage[]
  const messages = (outbox as { messages?: unknown } | null)?.messages
  return Array.isArray(messages) ? (messages as OutboxMessage[]) : []
}

/** The newest code in an outbox answer. */
export function latestCode(outbox: unknown): string {
  const last = outboxMessages(outbox).at(-1)
  if (last?.code === undefined) throw new Error(`no code in outbox: ${JSON.stringify(outbox)}`)
  return last.code
}
