/**
 * The demo's audit trail: the kit's `onAuditEvent` events printed one line each on the dev
 * server's console, as a bank would ship them to its audit store. The events carry no secret
 * (no code, token, phone number or transaction text; the user is a pseudonym), so printing them
 * as they come is safe.
 */
import type { AuditEvent } from '@centagate-kit/server'

/** `audit 2026-11-23T14:38:01.123Z code_sent success route=sms/send method=sms user=… ip=…` */
export function auditLine(event: AuditEvent): string {
  const parts = [
    'audit',
    new Date(event.time).toISOString(),
    event.type,
    event.outcome,
    `route=${event.route}`,
    event.method === undefined ? '' : `method=${event.method}`,
    event.flow === undefined ? '' : `flow=${event.flow}`,
    event.user === undefined ? '' : `user=${event.user}`,
    event.clientClass === undefined ? '' : `client=${event.clientClass}`,
    `ip=${event.clientIp}`,
    event.transactionId === undefined ? '' : `transaction=${event.transactionId}`,
    event.lockedUntil === undefined
      ? ''
      : `lockedUntil=${new Date(event.lockedUntil).toISOString()}`,
    event.returnCode === undefined ? '' : `returnCode=${event.returnCode}`,
    `request=${event.requestId}`,
  ]
  return parts.filter((part) => part !== '').join(' ')
}

/** Prints each event (stdout, next to Vite's own lines). */
export function printAuditEvent(event: AuditEvent): void {
  process.stdout.write(`${auditLine(event)}\n`)
}
