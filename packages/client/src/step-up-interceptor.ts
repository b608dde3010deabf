export interface StepUpChallenge {
  transactionId?: string
  maxAgeSeconds?: number
}

export function isStepUpRequired(_response: Response): Promise<StepUpChallenge | null> {
  throw new Error('not implemented')
}

export interface StepUpFetchOptions {
  fetch?: typeof fetch
  /** Opens the step-up UI; resolves true when the user stepped up, false if cancelled. */
  requestStepUp: (challenge: StepUpChallenge) => Promise<boolean>
}

export function createStepUpFetch(_options: StepUpFetchOptions): typeof fetch {
  throw new Error('not implemented')
}
