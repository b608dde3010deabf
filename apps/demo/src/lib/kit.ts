/**
 * The kit client the whole app shares. The wrapper only notes what the page puts on screen (the QR
 * value and manual code, whose login it is) for the device drawer's phone; calls go through as is.
 */
import { type KitClient, createKitClient } from '@centagate-kit/client'
import { onScreen } from './on-screen'

export function createDemoKitClient(): KitClient {
  const client = createKitClient()
  return {
    ...client,
    clock: client.clock,
    deviceSignals: client.deviceSignals,
    async loginStart(input, options) {
      onScreen.set({ username: input.username, qrValue: undefined, manualCode: undefined })
      return client.loginStart(input, options)
    },
    async stepUpStart(input, options) {
      onScreen.set({ qrValue: undefined, manualCode: undefined })
      return client.stepUpStart(input, options)
    },
    // What a phone's camera would read off the settings page: the authenticator's otpauth URI,
    // the CENTAGATE app's activation QR.
    async authenticatorStart(options) {
      const started = await client.authenticatorStart(options)
      onScreen.set({ qrValue: started.otpauthUri, manualCode: undefined })
      return started
    },
    async appActivationStart(options) {
      const started = await client.appActivationStart(options)
      onScreen.set({ qrValue: started.qr, manualCode: undefined })
      return started
    },
    async qrSend(options) {
      const sent = await client.qrSend(options)
      onScreen.set({ qrValue: sent.qrValue, manualCode: sent.manualCode })
      return sent
    },
  }
}
