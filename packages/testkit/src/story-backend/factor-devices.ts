/**
 * The user's phone in the factor stories (authenticator enrolment, app activation, settings):
 * the authenticator app holding the offline OTP token shows its current code, and the CENTAGATE
 * app scans the activation QR and takes the passcode the SMS brought. Through the emulator's
 * control API of the story's in-process emulator.
 */
import { emulatorUpstream } from '@centagate-kit/emulator'
import { createEmulatorControl } from '../emulator-control'
import type { StoryBackend } from './story-backend'

export function factorDevices(backend: StoryBackend) {
  const control = createEmulatorControl(
    (request) => backend.emulator.fetch(request),
    emulatorUpstream(backend.emulator).centagate.baseUrl,
  )
  return {
    /** The code the authenticator app holding the user's offline OTP token shows now. */
    async authenticatorCode(): Promise<string> {
      const codes = await control.authenticators(backend.user)
      const code = codes.find((generator) => generator.kind === 'offline-token')
      if (!code) throw new Error(`${backend.user} has no authenticator`)
      return code.otp
    },
    /**
     * The CENTAGATE app scans `qr` and the user types the passcode into it: the one the SMS
     * brought (a user without a phone gets none: the emulator's record of it stands in).
     */
    async activateApp(qr: string): Promise<void> {
      const outbox = await control.outbox(backend.user)
      const sms = outbox.filter((message) => message.text.includes('activation')).at(-1)
      const passcode =
        sms?.code ??
        Object.values(backend.emulator.state.activations).find((a) => a.qr === qr)?.passcode ??
        ''
      const { status, body } = await control.activate(qr, passcode)
      if (status !== 200) throw new Error(`activation refused: ${JSON.stringify(body)}`)
    },
  }
}
