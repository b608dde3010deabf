import { useMutation } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import {
  createQrPoller,
  type AuthenticatedResponse,
  type FlowResponse,
  type KitClientError,
  type QrSendResponse,
  type QrStatusResponse,
  type TransactionView,
  type VisibilitySource,
} from '@centagate-kit/client'
import { useKitClient } from '../provider/kit-client-context'
import type { QrSigningController, QrSigningStatus } from '../qr-signing/qr-signing-controller'
import { useLatest } from '../internal/use-latest'
import { useSingleFlight } from './use-single-flight'

export interface UseQrSigningOptions {
  onAuthenticated?: (result: AuthenticatedResponse) => void
  /** The transaction from `stepup/start` (shown before the QR exists). */
  transaction?: TransactionView
  /** Page visibility source for the poller. @default documentVisibility() */
  visibility?: VisibilitySource
}

type Outcome =
  { qr: QrSendResponse; status: QrStatusResponse } | { qr: QrSendResponse; error: KitClientError }

/**
 * QR signing: `qr/send` as a mutation, then `qr/status` polling through the client's
 * `createQrPoller` (backoff, Retry-After, paused while hidden). Polling stops on unmount, on a new
 * QR, and at expiry.
 */
export function useQrSigning(options: UseQrSigningOptions = {}): QrSigningController {
  const client = useKitClient()
  const onAuthenticated = useLatest(options.onAuthenticated)
  const visibility = options.visibility
  const [outcome, setOutcome] = useState<Outcome | undefined>()
  const sendMutation = useMutation<QrSendResponse, KitClientError, void>({
    mutationFn: () => client.qrSend(),
    retry: false,
  })
  const verifyMutation = useMutation<FlowResponse, KitClientError, string>({
    mutationFn: (otp) => client.qrVerify({ otp }),
    retry: false,
    onSuccess: (result) => {
      if (result.status === 'authenticated') onAuthenticated.current?.(result)
    },
  })
  const qr = sendMutation.data

  useEffect(() => {
    if (!qr) return
    const abort = new AbortController()
    const poller = createQrPoller({
      client,
      expiresAt: qr.expiresAt,
      initialDelayMs: qr.pollAfterMs,
      signal: abort.signal,
      ...(visibility ? { visibility } : {}),
      onResult: (status) => {
        setOutcome({ qr, status })
        if (status.status === 'authenticated') onAuthenticated.current?.(status)
      },
      onError: (error) => setOutcome({ qr, error }),
    })
    return () => {
      poller.stop()
      abort.abort()
    }
  }, [client, qr, visibility, onAuthenticated])

  const send = useSingleFlight(() => {
    verifyMutation.reset()
    return sendMutation.mutateAsync()
  })
  const verifyOtp = useSingleFlight((otp: string) => verifyMutation.mutateAsync(otp))

  // An outcome belongs to the QR it was polled for; a new QR starts from "waiting".
  const current = outcome && outcome.qr === qr ? outcome : undefined
  const polled = current && 'status' in current ? current.status : undefined
  const error =
    verifyMutation.error ??
    (current && 'error' in current ? current.error : undefined) ??
    sendMutation.error ??
    undefined
  const verified = verifyMutation.data?.status === 'authenticated'
  const status: QrSigningStatus =
    error?.code === 'locked'
      ? 'locked'
      : verified || polled?.status === 'authenticated'
        ? 'approved'
        : polled?.status === 'rejected'
          ? 'rejected'
          : polled?.status === 'expired'
            ? 'expired'
            : verifyMutation.isPending
              ? 'verifying'
              : sendMutation.isPending
                ? 'sending'
                : error && !(qr && error === verifyMutation.error && error.code === 'otp_invalid')
                  ? 'error'
                  : qr
                    ? 'waiting'
                    : 'idle'
  return {
    status,
    qr,
    transaction: qr?.transaction ?? options.transaction,
    error,
    attemptsLeft: verifyMutation.error?.attemptsLeft ?? qr?.attemptsLeft,
    lockedUntil: error?.lockedUntil,
    result: verifyMutation.data ?? (polled?.status === 'authenticated' ? polled : undefined),
    send,
    verifyOtp,
  }
}
