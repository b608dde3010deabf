/** Actions of the factor setup machine. */
import type {
  AppActivationStartResponse,
  AuthenticatorStartResponse,
} from '@centagate-kit/protocol'
import { normalizeCode } from '../../kit-client'
import type { Action } from '../../machine/machine-types'
import type {
  FactorSetupContext,
  FactorSetupEnv,
  FactorSetupMachineEvent,
} from './factor-setup-types'

type FactorSetupAction = Action<FactorSetupContext, FactorSetupMachineEvent, FactorSetupEnv>

/** Asks for a key (authenticator) or an activation QR (app). */
export const callStart: FactorSetupAction = (context, event, env) => {
  context.steppedUp = event.type === 'STEPPED_UP'
  context.error = context.retryAt = context.attemptsLeft = context.provisioning = undefined
  env.cancel()
  env.run<AuthenticatorStartResponse | AppActivationStartResponse>(
    (signal) =>
      env.kind === 'app'
        ? env.client.appActivationStart({ signal })
        : env.client.authenticatorStart({ signal }),
    (response) => ({ type: 'START.DONE', response }),
    (error) => ({ type: 'START.FAILED', error }),
  )
}

/** Keeps what to show and arms the expiry (and, for the app, the first status check). */
export const storeProvisioning: FactorSetupAction = (context, event, env) => {
  if (event.type !== 'START.DONE') return
  const { response } = event
  context.provisioning =
    'otpauthUri' in response
      ? { qrValue: response.otpauthUri, key: response.key, expiresAt: response.expiresAt }
      : { qrValue: response.qr, expiresAt: response.expiresAt }
  env.after(Math.max(0, response.expiresAt - env.client.clock.now()), { type: 'EXPIRE' })
  if (env.kind === 'app') env.after(env.pollMs, { type: 'POLL' })
}

export const callVerify: FactorSetupAction = (context, event, env) => {
  if (event.type !== 'VERIFY') return
  context.error = undefined
  const code = normalizeCode(event.code)
  env.run(
    (signal) => env.client.authenticatorVerify({ code }, { signal }),
    (response) => ({ type: 'VERIFY.DONE', response }),
    (error) => ({ type: 'VERIFY.FAILED', error }),
  )
}

export const callCheck: FactorSetupAction = (_context, _event, env) => {
  env.run(
    (signal) => env.client.appActivationStatus({ signal }),
    (response) => ({ type: 'CHECK.DONE', response }),
    (error) => ({ type: 'CHECK.FAILED', error }),
  )
}

/** Asks the activation status again after `pollMs`. */
export const schedulePoll: FactorSetupAction = (_context, _event, env) => {
  env.after(env.pollMs, { type: 'POLL' })
}

/** Done: the key is forgotten, timers stop, the app is told. */
export const storeEnrolled: FactorSetupAction = (context, event, env) => {
  env.cancel()
  context.provisioning = context.error = undefined
  if (event.type === 'VERIFY.DONE') context.label = event.response.label
  env.onEnrolled?.({
    kind: env.kind,
    ...(context.label === undefined ? {} : { label: context.label }),
  })
}

/** Given up or lapsed: nothing to show any more. */
export const forget: FactorSetupAction = (context, _event, env) => {
  env.cancel()
  context.provisioning = context.error = context.attemptsLeft = undefined
}

/** Clears a shown error (the user types another code). */
export const clearError: FactorSetupAction = (context) => {
  context.error = undefined
}
