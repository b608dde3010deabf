/**
 * The built-in CENTAGATE emulator of the demo, used when no real tenant is configured
 * (`CENTAGATE_BASE_URL` unset). It is the emulator package's own Vite plugin: it runs the emulator
 * in the dev/preview server's process and mounts its `/__emulator/*` control API (the device
 * drawer); its `upstream()` is what the kit gets as CENTAGATE (server/centagate.ts). The kit's
 * server package never imports the emulator: the wiring is here, on the app's side.
 */
import type { CentagateEmulatorPlugin } from '@centagate-kit/emulator/vite'

type Env = Readonly<Record<string, string | undefined>>

/**
 * The emulator plugin, or `undefined` when a real CENTAGATE is configured (then the emulator is
 * not even loaded).
 */
export async function demoEmulator(
  env: Env = process.env,
): Promise<CentagateEmulatorPlugin | undefined> {
  if (env.CENTAGATE_BASE_URL) return undefined
  const { centagateEmulator } = await import('@centagate-kit/emulator/vite')
  // Its app credentials may come from the env (the e2e journeys run with canary values);
  // otherwise the emulator's fixture defaults. Its own per-user lockout (which knows no client
  // classes) sits above the kit's ceiling, as the kit's lockout model asks of a tenant: strangers'
  // wrong passwords lock the strangers (kit), never the user's known browser (server README).
  return centagateEmulator({
    settings: { maxConsecutiveFailures: 1000 },
    ...(env.CENTAGATE_EMULATOR_INTEGRATION_KEY
      ? { integrationKey: env.CENTAGATE_EMULATOR_INTEGRATION_KEY }
      : {}),
    ...(env.CENTAGATE_EMULATOR_SECRET_KEY ? { secretKey: env.CENTAGATE_EMULATOR_SECRET_KEY } : {}),
  })
}
