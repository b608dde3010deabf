/**
 * The user's own factors on the demo's Settings page (issue 15): enrol an authenticator app (the
 * QR read from the screen's pixels, the code computed from the key it carries) and log in with it,
 * remove a factor behind a fresh step-up, and activate the CENTAGATE app (QR + the passcode from
 * the SMS).
 */
import type { Page } from '@playwright/test'
import * as OTPAuth from 'otpauth'
import { AppShell } from './models/app-shell'
import { LoginPage } from './models/login-page'
import { StepUpPanel } from './models/step-up'
import { loginWithToken, smsLoginUntilCode } from './support/journeys'
import { authenticatorCodes } from './support/emulator'
import { decodeQrFromPixels } from './support/qr'
import { expect, test } from './support/test'

const openSettings = (page: Page) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()

test('enrol an authenticator app (QR from the pixels, first code from its key), then log in with it', async ({
  page,
  request,
  emulator,
  network,
}) => {
  void network
  const login = new LoginPage(page)
  await login.goto()
  await login.submitCredentials('carol')
  await login.expectLoggedIn()
  await openSettings(page)
  await page.getByRole('button', { name: 'Authenticator app' }).click()
  await page.getByRole('button', { name: 'Show setup code' }).click()

  const image = page.getByRole('img', {
    name: 'QR code that adds your account to an authenticator app',
  })
  // The QR encoder is a lazy chunk: a blank square of the same name stands in until it loads.
  await expect(image).not.toHaveAttribute('aria-busy')
  const uri = await decodeQrFromPixels(image)
  const totp = OTPAuth.URI.parse(uri)
  expect(totp).toBeInstanceOf(OTPAuth.TOTP)
  expect(totp.issuer).toBe('Demo Bank')
  expect(totp.label).toBe('carol')
  // The key typed by hand is the same key, in groups of four.
  const key = (totp as OTPAuth.TOTP).secret.base32
  const grouped = page.locator('[data-scope="authenticator-enrollment"][data-part="key"]')
  await expect(grouped).toHaveText(key.match(/.{1,4}/g)!.join(' '))
  // The emulator's authenticator computes the same code: the key on screen is the token's.
  // At CENTAGATE's time: the fixture moved the emulator's clock (which the kit shares) a day on.
  const emulatorNow = async () => ((await emulator.advanceClock(0)) as { now: number }).now
  const before = await emulatorNow()
  const shown = (await authenticatorCodes(request, 'carol')).find(
    (generator) => generator.kind === 'offline-token',
  )
  const after = await emulatorNow()
  // A 30-second step may end between the two clock reads: the code of either end is the same key.
  const code = (totp as OTPAuth.TOTP).generate({ timestamp: after })
  expect([(totp as OTPAuth.TOTP).generate({ timestamp: before }), code]).toContain(shown?.otp)

  await page.getByLabel('Code from your authenticator app').fill(code)
  await expect(page.getByText('Authenticator app added: SOFT-carol.')).toBeVisible()
  // The key is gone from the page once the first code verified.
  await expect(grouped).toHaveCount(0)
  await expect(page.locator('body')).not.toContainText(key.slice(0, 8))
  await page.getByRole('button', { name: 'Back to sign-in methods' }).click()
  await expect(page.getByText('Security token SOFT-carol')).toBeVisible()

  // Then log in with it: the password, then the code the authenticator computes from the key.
  await new AppShell(page).logout()
  await login.submitCredentials('carol')
  const stepUp = new StepUpPanel(page)
  // Her only method: the kit opens it without a choice (authMethods "OTP" -> app_otp).
  await expect(
    stepUp.root.getByRole('heading', { name: 'Enter the code from the CENTAGATE app' }),
  ).toBeVisible()
  await expect(stepUp.root.getByRole('button', { name: 'Use another method' })).toHaveCount(0)
  // The first code's 30-second step is spent (CENTAGATE accepts each step once): the next one.
  const later = (await emulator.advanceClock(30)) as { now: number }
  await stepUp.enterCode((totp as OTPAuth.TOTP).generate({ timestamp: later.now }))
  await login.expectLoggedIn()
})

test('remove a factor: confirm, a fresh step-up (token), then it is gone', async ({
  page,
  emulator,
  network,
}) => {
  void network
  await loginWithToken(page, emulator)
  await openSettings(page)
  const sms = page.getByRole('listitem').filter({ hasText: 'Text messages to' })
  await sms.getByRole('button', { name: /^Remove/ }).click()
  await expect(page.getByText(/^Remove the SMS number •••• \d{4}\?$/)).toBeVisible()
  await page.locator('[data-part="confirm-remove"]').click()
  // A factor change: her session alone is not enough.
  const confirm = new StepUpPanel(page)
  await confirm.choose('challenge')
  await confirm.enterCode(await emulator.tokenRespond('CR0000001', await confirm.readChallenge()))
  await expect(page.getByText(/^Removed: •••• \d{4}\.$/)).toBeVisible()
  await expect(sms).toHaveCount(0)
})

test('activate the CENTAGATE app: QR on screen, the SMS passcode typed into the app', async ({
  page,
  emulator,
  network,
}) => {
  void network
  // bob has only a phone: log in by SMS.
  const { login, stepUp, code } = await smsLoginUntilCode(page, emulator, 'bob')
  await stepUp.enterCode(code)
  await login.expectLoggedIn()
  await openSettings(page)
  // Past the login SMS's resend cooldown: the step-up below texts him again.
  await emulator.advanceClock(61)
  await page.getByRole('button', { name: 'CENTAGATE app' }).click()
  await page.getByRole('button', { name: 'Show activation code' }).click()
  // A factor change: a fresh step-up by SMS first.
  const confirm = new StepUpPanel(page)
  await confirm.sendSmsIfNeeded()
  await confirm.enterCode(await emulator.latestSmsCode('bob', 1))
  const image = page.getByRole('img', { name: 'QR code that activates the CENTAGATE app' })
  await expect(image).not.toHaveAttribute('aria-busy')
  const qr = await decodeQrFromPixels(image)
  expect(qr).toMatch(/^CGACT1:/)
  // The passcode came by SMS and is nowhere on the page.
  const passcode = await emulator.latestSmsCode('bob', 2)
  await expect(page.locator('main')).not.toContainText(passcode)
  // The phone: the drawer's CENTAGATE app scans the QR, the user types the passcode into it.
  const drawer = page.getByTestId('app-activation')
  await drawer.getByRole('button', { name: 'Scan the activation QR code on screen' }).click()
  await drawer.getByLabel('Passcode from the text message').fill(passcode)
  await drawer.getByRole('button', { name: 'Activate' }).click()
  await expect(drawer.getByText('The app is activated on this phone.')).toBeVisible()
  await expect(page.getByText('The CENTAGATE app is activated.')).toBeVisible()
  await page.getByRole('button', { name: 'Back to sign-in methods' }).click()
  await expect(page.getByText(/CENTAGATE app on /)).toBeVisible()
})
