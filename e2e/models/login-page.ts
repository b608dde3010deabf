import type { Page } from '@playwright/test'

/** The demo's login page: username + password, then the kit's second-factor step. */
export class LoginPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/')
    await this.page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor()
  }

  username = () => this.page.getByLabel('Username')
  password = () => this.page.getByLabel('Password')

  async submitCredentials(username: string, password = `${username}-password`) {
    await this.username().fill(username)
    await this.password().fill(password)
    await this.page.getByRole('button', { name: 'Continue' }).click()
  }

  /** After a successful login the demo lands on the accounts page. */
  async expectLoggedIn() {
    await this.page.getByRole('heading', { name: 'Your accounts', level: 1 }).waitFor()
  }
}
