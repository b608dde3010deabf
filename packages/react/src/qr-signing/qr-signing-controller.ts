import type {
  FlowResponse,
  KitClientError,
  QrSendResponse,
  TransactionView,
} from '@centagate-kit/client'

/** Named states of the QR signing widget (also its `data-state`). */
export type QrSigningStatus =
  | 'idle'
  | 'sending'
  | 'waiting'
  | 'verifying'
  | 'approved'
  | 'rejected'
  | 'expired'
  | 'locked'
  | 'error'

/** What the QR signing view shows and can do (from `useQrSigning` or `<StepUp>`). */
export interface QrSigningController {
  status: QrSigningStatus
  qr?: QrSendResponse | undefined
  /** Exactly the server's transaction (`getTransaction`): the panel renders its fields verbatim. */
  transaction?: TransactionView | undefined
  error?: KitClientError | undefined
  attemptsLeft?: number | undefined
  lockedUntil?: number | undefined
  result?: FlowResponse | undefined
  /** Shows a (new) QR code; polling for the approval starts with it. */
  send: () => void
  /** Typed fallback: the OTP the app shows. */
  verifyOtp: (otp: string) => void
}
