/** Steps several journeys share. */
import type { Page } from '@playwright/test'
import { AppShell } from '../models/app-shell'
import { LoginPage } from '../models/login-page'
import { type TransferInput, TransferPage } from '../models/transfer-page'
import { StepUpPanel } from '../models/step-up'
import type { EmulatorControl } from './emulator'

/**
 * Starts an SMS login: password, then the code is sent; returns the page models and the code the
 * emulator's outbox received (not yet entered).
 */
export async function smsLoginUntilCode(page: Page, emulator: EmulatorControl, username = 'bob') {
  const login = new LoginPage(page)
  await login.goto()
  await login.submitCredentials(username)
  const stepUp = new StepUpPanel(page)
  await stepUp.sendSmsIfNeeded()
  const code = await emulator.latestSmsCode(username)
  return { login, stepUp, code }
}

/** Logs `username` in with the hardware token (quickest second factor). */
export async function loginWithToken(
  page: Page,
  emulator: EmulatorControl,
  username = 'alice',
  serial = 'CR0000001',
) {
  const login = new LoginPage(page)
  await login.goto()
  await login.submitCredentials(username)
  const stepUp = new StepUpPanel(page)
  // Users with several methods choose; a token-only user goes straight to the challenge.
  const choice = stepUp.root.getByRole('button', { name: /Security token/ })
  const digits = stepUp.root.locator('[data-part="challenge-digits"]')
  await choice
    .or(digits)
    .or(stepUp.root.getByRole('button', { name: 'Show challenge' }))
    .first()
    .waitFor()
  if (await choice.isVisible()) await choice.click()
  const challenge = await stepUp.readChallenge()
  await stepUp.enterCode(await emulator.tokenRespond(serial, challenge))
  await login.expectLoggedIn()
  return new AppShell(page)
}

/** From the logged-in app: opens the transfer form, fills it and submits it (a step-up follows). */
export async function submitTransfer(page: Page, shell: AppShell, input: TransferInput) {
  await shell.goTo('Transfer')
  const transfer = new TransferPage(page)
  await transfer.fill(input)
  await transfer.submit()
  return transfer
}
