import type { Page } from '@playwright/test'

/** The demo's device drawer (emulator only): phone inbox, CENTAGATE app, hardware token. */
export class DeviceDrawer {
  constructor(readonly page: Page) {}

  root = () => this.page.getByRole('complementary', { name: /Your devices/ })
  phone = () => this.page.getByTestId('phone')
  app = () => this.page.getByTestId('authenticator-app')
  /** The CENTAGATE app's home screen: the code it shows now and the pushes to approve. */
  appRequests = () => this.page.getByTestId('app-requests')
  token = () => this.page.getByTestId('hardware-token')

  async tokenResponse(serial: string, challenge: string): Promise<string> {
    await this.token().getByLabel('Token serial').selectOption(serial)
    await this.token().getByLabel('Challenge').fill(challenge)
    await this.token().getByRole('button', { name: 'Compute response' }).click()
    return (await this.page.getByTestId('token-response').textContent())?.trim() ?? ''
  }
}
