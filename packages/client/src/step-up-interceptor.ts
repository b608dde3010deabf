/**
 * The browser half of `requireStepUp`: an app route answers 401 with
 * `WWW-Authenticate: Bearer error="insufficient_user_authentication", max_age=N` and a
 * `step_up_required` kit error body. {@link createStepUpFetch} catches that, opens the step-up UI
 * and, once the user stepped up, repeats the original request exactly once.
 */
import { isKitErrorBody, isStepUpChallenge } from '@centagate-kit/protocol'

/** What the app route asked for. */
export interface StepUpChallenge {
  transactionId?: string
  maxAgeSeconds?: number
}

/**
 * The step-up demand carried by `response`, or `null` when it is not one. Reads a clone: the
 * response body stays readable.
 */
export async function isStepUpRequired(response: Response): Promise<StepUpChallenge | null> {
  if (response.status !== 401) return null
  const header = response.headers.get('www-authenticate')
  const fromHeader = isStepUpChallenge(header)
  let fromBody: StepUpChallenge | undefined
  try {
    const body: unknown = await response.clone().json()
    if (isKitErrorBody(body) && body.error.code === 'step_up_required') {
      const { transactionId, maxAgeSeconds } = body.error
      fromBody = {
        ...(transactionId !== undefined ? { transactionId } : {}),
        ...(maxAgeSeconds !== undefined ? { maxAgeSeconds } : {}),
      }
    }
  } catch {
    // Not JSON: the header alone decides.
  }
  if (!fromHeader && !fromBody) return null
  const challenge: StepUpChallenge = { ...fromBody }
  if (challenge.maxAgeSeconds === undefined && header) {
    const maxAge = /\bmax_age="?(\d+)"?/.exec(header)?.[1]
    if (maxAge !== undefined) challenge.maxAgeSeconds = Number(maxAge)
  }
  return challenge
}

export interface StepUpFetchOptions {
  /** The fetch to wrap. @default globalThis.fetch */
  fetch?: typeof fetch
  /** Opens the step-up UI; resolves true when the user stepped up, false if cancelled. */
  requestStepUp: (challenge: StepUpChallenge) => Promise<boolean>
}

/**
 * A fetch that handles step-up demands: on a step-up 401 it calls `requestStepUp` and, when that
 * resolves true, retries the original request once (a second 401 is returned as is: no loop).
 * When the user cancels, the original 401 response is returned. Concurrent demands share one
 * step-up prompt. Requests whose body is a one-shot stream are not retried.
 */
export function createStepUpFetch(options: StepUpFetchOptions): typeof fetch {
  const getFetch = (): typeof fetch => options.fetch ?? globalThis.fetch.bind(globalThis)
  // One prompt for all requests that hit the demand at the same time.
  const pending = new Map<string, Promise<boolean>>()

  const prompt = (challenge: StepUpChallenge): Promise<boolean> => {
    const key = `${challenge.transactionId ?? ''}|${challenge.maxAgeSeconds ?? ''}`
    let promise = pending.get(key)
    if (!promise) {
      promise = Promise.resolve()
        .then(() => options.requestStepUp(challenge))
        .then(
          (ok) => ok === true,
          () => false,
        )
        .finally(() => pending.delete(key))
      pending.set(key, promise)
    }
    return promise
  }

  return async function stepUpFetch(input: RequestInfo | URL, init?: RequestInit) {
    const isRequest = typeof Request !== 'undefined' && input instanceof Request
    // A Request's body can be sent once: keep a copy for the retry before the first send.
    const retryInput = isRequest ? input.clone() : input
    const response = await getFetch()(input, init)
    const challenge = await isStepUpRequired(response)
    if (!challenge) return response
    if (!isRequest && isOneShotBody(init?.body)) return response

    const signal = init?.signal ?? (isRequest ? input.signal : undefined)
    const steppedUp = await raceAbort(prompt(challenge), signal)
    if (!steppedUp) return response
    return getFetch()(retryInput, init)
  } as typeof fetch
}

function isOneShotBody(body: BodyInit | null | undefined): boolean {
  return typeof ReadableStream !== 'undefined' && body instanceof ReadableStream
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return promise
  if (signal.aborted) return Promise.reject(abortReason(signal))
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal))
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError')
}
