/**
 * Delivers the audit events of a request to the app's `onAuditEvent` hook, after the answer is
 * decided and off its path: the delivery is scheduled as a new task (the adapter has written the
 * answer by then), the user's pseudonym is computed there, a hook's promise is never awaited by
 * the request, and a hook that throws or rejects is logged (its error's name), never rethrown.
 */
import { userHash } from '../encoding'
import { type AuditDraft, type AuditEvent, type AuditFacts, auditEventsOf } from './audit-events'
import type { KitRuntime } from './runtime'

export interface AuditTrail {
  /** Records what one request came to; does nothing without an `onAuditEvent` hook. */
  record(facts: AuditFacts): void
}

export function createAuditTrail(runtime: KitRuntime): AuditTrail {
  const hook = runtime.config.onAuditEvent
  if (hook === undefined) return { record: () => undefined }

  const failed = (requestId: string, error: unknown) =>
    runtime.logger.error('onAuditEvent failed', {
      requestId,
      error: error instanceof Error ? error.name : typeof error,
    })

  const deliver = async (drafts: readonly AuditDraft[]) => {
    for (const { username, ...draft } of drafts) {
      const event: AuditEvent =
        username === undefined ? draft : { ...draft, user: await userHash(username) }
      try {
        // Not awaited in order: a slow hook delays nothing, not even the next event.
        Promise.resolve(hook(event)).catch((error: unknown) => failed(event.requestId, error))
      } catch (error) {
        failed(event.requestId, error)
      }
    }
  }

  return {
    record(facts) {
      const drafts = auditEventsOf(facts)
      if (drafts.length === 0) return
      setTimeout(() => {
        deliver(drafts).catch((error: unknown) => failed(facts.requestId, error))
      }, 0)
    },
  }
}
