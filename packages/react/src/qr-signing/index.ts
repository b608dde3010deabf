'use client'
export {
  QrSigning,
  QrSigningView,
  type QrSigningProps,
  type QrSigningViewProps,
} from './qr-signing'
export { QrSigningCode, type QrSigningCodeProps } from './qr-signing-code'
export { QrSigningDetails } from './qr-signing-details'
export { QrSigningManualCode } from './qr-signing-manual-code'
export { QrSigningStatusText } from './qr-signing-status'
export type { QrSigningPart } from './qr-signing-anatomy'
export { useQrSigning, type UseQrSigningOptions } from '../hooks/use-qr-signing'
export type { BoundMachine } from '../hooks/use-machine'
export { CentagateProvider, useKitClient, type CentagateProviderProps } from '../provider'
