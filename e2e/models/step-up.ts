import { type Locator, type Page, expect } from '@playwright/test'
import { decodeQrFromPixels } from '../support/qr'

export type MethodName = 'qr' | 'challenge' | 'push' | 'app_otp' | 'sms'

const methodButton: Record<MethodName, RegExp> = {
  qr: /CENTAGATE app \(QR code\)/,
  push: /CENTAGATE app \(approve a request\)/,
  app_otp: /CENTAGATE app \(enter a code\)/,
  challenge: /Security token/,
  sms: /Text message/,
}

/**
 * The kit's `<StepUp>` as a user sees it (on the login page, or in the step-up dialog of a
 * transfer): choose a method, then send / read / type codes. Locators are roles and labels only.
 */
export class StepUpPanel {
  readonly root: Locator
  constructor(
    readonly page: Page,
    scope: Locator = page.locator('main'),
  ) {
    this.root = scope.getByRole('region', { name: 'Confirm it is you' })
  }

  async choose(method: MethodName) {
    await this.root.getByRole('button', { name: methodButton[method] }).click()
  }

  async switchTo(method: MethodName) {
    await this.root.getByRole('button', { name: 'Use another method' }).click()
    await this.choose(method)
  }

  codeField = () =>
    this.root.getByLabel(/Verification code|Response from your token|Code from the CENTAGATE app/)

  /** Sends the SMS unless the kit already did (SMS-only users get it sent on open). */
  async sendSmsIfNeeded() {
    await this.startIfNeeded(this.root.getByRole('button', { name: 'Send code' }), this.codeField())
  }

  /** Types a code; the kit's field submits by itself once every digit is there. */
  async enterCode(code: string) {
    await this.codeField().fill(code)
  }

  /** Clicks `button` only when the step did not already start on its own (no double send). */
  private async startIfNeeded(button: Locator, shown: Locator) {
    await expect(shown.or(button).first()).toBeVisible()
    if (!(await shown.isVisible())) await button.click()
    await expect(shown).toBeVisible()
  }

  /** The challenge as displayed (groups joined). */
  async readChallenge(): Promise<string> {
    const digits = this.root.locator('[data-part="challenge-digits"]')
    await this.startIfNeeded(this.root.getByRole('button', { name: 'Show challenge' }), digits)
    return ((await digits.textContent()) ?? '').replace(/\D/g, '')
  }

  qrImage = () => this.root.getByRole('img', { name: /QR code for the CENTAGATE app/ })

  /** Reads the QR from the screen's pixels, like the phone camera. */
  async scanQrPixels(): Promise<string> {
    await this.startIfNeeded(
      this.root.getByRole('button', { name: 'Show QR code' }),
      this.qrImage(),
    )
    // The QR encoder is a lazy chunk: a same-sized, same-named placeholder stands in meanwhile.
    await expect(this.qrImage()).not.toHaveAttribute('aria-busy', 'true')
    return decodeQrFromPixels(this.qrImage())
  }

  /** What the push shows (the panel under "The request shows"). */
  pushDetails = () => this.root.locator('[data-scope="push-approval"][data-part="details"]')

  status = () => this.root.getByRole('status')
  alert = () => this.root.getByRole('alert')
}
