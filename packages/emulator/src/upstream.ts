/**
 * `emulatorUpstream(emulator)`: what a kit server needs to use an in-process emulator as its
 * CENTAGATE, from the emulator's side (the server package never imports the emulator). Plain data
 * and a fetch, shaped like the kit handler's options, so a dev server, a story or a test writes
 * `createCentagateHandler({ ...emulatorUpstream(emulator), cookieSecrets, ... })`.
 */
import type { Emulator } from './emulator'

/** The default base URL the kit signs against: never resolved, `fetch` goes into the emulator. */
export const inProcessBaseUrl = 'http://centagate-emulator.internal'

export interface EmulatorUpstream {
  /** For the kit handler's `centagate` option: the app's credentials and a fetch into the emulator. */
  centagate: {
    baseUrl: string
    integrationKey: string
    secretKey: string
    fetch: (input: string, init?: RequestInit) => Promise<Response>
  }
  /**
   * The emulator's clock, for the kit handler's `now`: one clock, so advancing the emulator's
   * (`POST /__emulator/clock`) moves the kit's timestamps, cooldowns and lockouts with it.
   */
  now: () => number
  /**
   * The fixtures' first admin account without a second factor, for the kit's `admin` option
   * (`tokens/register`); absent when the fixtures have none.
   */
  admin?: { username: string; password: string }
}

/**
 * The kit-side settings for `emulator`, read now (credentials and admin of its current state).
 * @param options.baseUrl What the kit signs against. Default `http://centagate-emulator.internal`.
 */
export function emulatorUpstream(
  emulator: Emulator,
  options: { baseUrl?: string } = {},
): EmulatorUpstream {
  const admin = Object.values(emulator.state.users).find(
    (user) => user.role === 'admin' && !user.mfa,
  )
  return {
    centagate: {
      baseUrl: options.baseUrl ?? inProcessBaseUrl,
      ...emulator.credentials,
      fetch: (input, init) => emulator.fetch(new Request(input, init)),
    },
    now: () => emulator.clock.now(),
    ...(admin === undefined
      ? {}
      : { admin: { username: admin.username, password: admin.password } }),
  }
}
