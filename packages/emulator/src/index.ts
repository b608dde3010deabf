/**
 * `@centagate-kit/emulator`: a faithful local CENTAGATE Cloud as a Web-standard fetch handler,
 * with real OTP algorithms, device simulators, fault injection and clock control. Runs in Node and
 * in browsers; the node:http server and the CLI live in `@centagate-kit/emulator/node`.
 */
export { createEmulator } from './emulator'
export type { Emulator, EmulatorOptions } from './emulator'
export { emulatorUpstream, type EmulatorUpstream } from './upstream'
export type { EmulatorStats } from './emulator-internals'
export { createEmulatorClock, type EmulatorClock } from './clock'
export { defaultSettings, resolveSettings, type EmulatorSettings } from './settings'
export type { EmulatorLogger, RequestLogEntry } from './logger'
export { EmulatorConnectionDropped, faultKinds, type FaultKind, type FaultSpec } from './faults'
export { signedOrderHeader } from './envelope'
export {
  defaultFixtures,
  defaultIntegrationKey,
  defaultSecretKey,
} from './fixtures/default-fixtures'
export {
  fixturesSchema,
  parseFixtures,
  type Fixtures,
  type FixturesInput,
} from './fixtures/fixture-schema'
export { emulatorStateSchema, type EmulatorState } from './state/state-schema'
export { computeOcra, parseOcraSuite, type OcraSuite, type OcraInput } from './otp/ocra'
export { generateTotp } from './otp/totp'
export { decodeQrCode } from './control/qr-code'
export type { EmulatorInput, EmulatorReply } from './reply'
