'use client'
export {
  ChallengeResponse,
  ChallengeResponseView,
  type ChallengeResponseProps,
  type ChallengeResponseViewProps,
} from './challenge-response'
export { ChallengeDisplay, type ChallengeDisplayProps } from './challenge-display'
export type { ChallengeResponsePart } from './challenge-response-anatomy'
export {
  useChallengeResponse,
  type UseChallengeResponseOptions,
} from '../hooks/use-challenge-response'
export type { BoundMachine } from '../hooks/use-machine'
export { CentagateProvider, useKitClient, type CentagateProviderProps } from '../provider'
