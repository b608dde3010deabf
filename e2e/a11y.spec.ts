/**
 * axe-core (WCAG 2.1 A/AA) on every page and every step of the demo, light and dark, LTR and RTL:
 * 0 violations.
 */
import type { Page } from '@playwright/test'
import { AppShell } from './models/app-shell'
import { LoginPage } from './models/login-page'
import { StepUpPanel } from './models/step-up'
import { TransferPage } from './models/transfer-page'
import { axeViolations } from './support/axe'
import { expect, test } from './support/test'

async function expectNoViolations(page: Page, where: string) {
  const violations = await axeViolations(page)
  expect(violations, `axe violations on ${where}`).toEqual([])
}

for (const mode of ['light', 'dark'] as const) {
  test(`axe: every page and step, ${mode}`, async ({ page, emulator, network }) => {
    void network
    const login = new LoginPage(page)
    await login.goto()
    if (mode === 'dark') await page.getByRole('button', { name: 'Dark mode' }).click()
    await expectNoViolations(page, 'login')
    await login.submitCredentials('alice', 'not-her-password')
    await expect(page.getByRole('alert')).toBeFocused()
    await expectNoViolations(page, 'login with a wrong password')

    await login.submitCredentials('alice')
    const stepUp = new StepUpPanel(page)
    await expect(stepUp.root.getByRole('button', { name: /Security token/ })).toBeVisible()
    await expectNoViolations(page, 'method choice')

    await stepUp.choose('sms')
    await stepUp.sendSmsIfNeeded()
    const sms = await emulator.latestSmsCode('alice')
    await expect(page.getByTestId('phone')).toContainText(sms)
    await expectNoViolations(page, 'SMS code entry with the phone inbox')
    await stepUp.enterCode(String((Number(sms) + 1) % 1_000_000).padStart(6, '0'))
    await expect(stepUp.root).toContainText('not correct')
    await expectNoViolations(page, 'SMS wrong code')

    await stepUp.switchTo('qr')
    await expect(stepUp.qrImage()).toBeVisible()
    await page
      .getByTestId('authenticator-app')
      .getByRole('button', { name: 'Scan the QR code on screen' })
      .click()
    await expect(page.getByTestId('app-otp')).toBeVisible()
    await expectNoViolations(page, 'QR login with the app screen')

    await stepUp.switchTo('challenge')
    const challenge = await stepUp.readChallenge()
    await expectNoViolations(page, 'challenge-response')
    await stepUp.enterCode(await emulator.tokenRespond('CR0000001', challenge))
    await login.expectLoggedIn()
    await expectNoViolations(page, 'accounts')

    const shell = new AppShell(page)
    await shell.goTo('Transfer')
    await expectNoViolations(page, 'transfer form')
    const transfer = new TransferPage(page)
    await transfer.fill({ payeeName: 'Ahmad Zaki', payeeAccount: '7001 2233 44', amount: '12.50' })
    await transfer.submit()
    const signing = transfer.confirmation()
    await signing.choose('qr')
    await expect(signing.qrImage()).toBeVisible()
    await expectNoViolations(page, 'QR transaction signing dialog')
    await emulator.scan(await signing.scanQrPixels())
    await emulator.decide('alice', 'approve')
    await expect(transfer.result()).toContainText('completed', { timeout: 15_000 })
    await expectNoViolations(page, 'transfer done')

    await shell.goTo('Settings')
    await expect(page.getByRole('button', { name: 'Hardware security token' })).toBeVisible()
    await expectNoViolations(page, 'settings')
    await page.getByRole('button', { name: 'Hardware security token' }).click()
    await page.getByRole('button', { name: 'Register' }).click()
    await expectNoViolations(page, 'settings with a validation message')
  })
}

test('axe: RTL and each language on the login and accounts pages', async ({
  page,
  emulator,
  network,
}) => {
  void network
  const login = new LoginPage(page)
  await login.goto()
  await page.getByRole('button', { name: 'Right-to-left' }).click()
  await expectNoViolations(page, 'login RTL')
  const shell = new AppShell(page)
  for (const language of ['Bahasa Melayu', 'Bahasa Indonesia', '简体中文'] as const) {
    await shell.setLanguage(language)
    await expectNoViolations(page, `login in ${language}`)
  }
  await shell.setLanguage('English')
  await login.submitCredentials('alice')
  const stepUp = new StepUpPanel(page)
  await stepUp.choose('challenge')
  const challenge = await stepUp.readChallenge()
  await expectNoViolations(page, 'challenge RTL')
  await stepUp.enterCode(await emulator.tokenRespond('CR0000001', challenge))
  await login.expectLoggedIn()
  await expectNoViolations(page, 'accounts RTL')
})
