import type { Page } from '@playwright/test'

/** The demo's banner: navigation, display preferences, device drawer toggle, log out. */
export class AppShell {
  constructor(readonly page: Page) {}

  nav = () => this.page.getByRole('navigation', { name: 'Main' })
  heading = () => this.page.getByRole('heading', { level: 1 })

  async goTo(name: 'Accounts' | 'Transfer' | 'Settings') {
    await this.nav().getByRole('link', { name }).click()
    await this.page.waitForURL(`**/${name.toLowerCase()}`)
  }

  async logout() {
    await this.nav().getByRole('button', { name: 'Log out' }).click()
    await this.page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor()
  }

  async setLanguage(label: 'English' | 'Bahasa Melayu' | 'Bahasa Indonesia' | '简体中文') {
    await this.page
      .getByRole('group', { name: /Display|Paparan|Tampilan|显示/ })
      .getByRole('combobox')
      .selectOption({ label })
  }

  toggle = (name: RegExp | string) =>
    this.page
      .getByRole('group', { name: /Display|Paparan|Tampilan|显示/ })
      .getByRole('button', { name })
}
