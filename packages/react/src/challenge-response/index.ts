'use client'
export {
  ChallengeResponse,
  ChallengeResponseView,
  type ChallengeResponseProps,
  type ChallengeResponseViewProps,
} from './challenge-response'
export { ChallengeDisplay, type ChallengeDisplayProps } from './challenge-display'
export type {
  ChallengeResponseController,
  ChallengeResponseStatus,
} from './challenge-response-controller'
export {
  useChallengeResponse,
  type UseChallengeResponseOptions,
} from '../hooks/use-challenge-response'
export { CentagateProvider, useKitClient, type CentagateProviderProps } from '../provider'
