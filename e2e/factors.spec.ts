/** Failure paths of the second factor: wrong codes and lockout, expiry, switching method. */
import { LoginPage } from './models/login-page'
import { StepUpPanel } from './models/step-up'
import { smsLoginUntilCode } from './support/journeys'
import { expect, test } from './support/test'

/** A 6-digit code that is not `code`. */
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')

test('lockout: 5 wrong codes void the code, 10 lock the user', async ({
  page,
  emulator,
  network,
}) => {
  void network
  const { login, stepUp, code } = await smsLoginUntilCode(page, emulator)

  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await stepUp.enterCode(wrongCode(code))
    await expect(stepUp.root).toContainText(`${5 - attempt} attempt`)
  }
  // The code is void now: even the right one is refused (without asking CENTAGATE).
  await stepUp.enterCode(code)
  await expect(stepUp.root).toContainText('Too many wrong codes. Request a new code.')

  // A new code: the kit's "Send a new code" counts the 60 s cooldown down on the browser's copy of
  // the server clock, which only learns of the emulator clock jump from the next response; so
  // start the login again instead. The user's failure count carries over.
  await emulator.advanceClock(61)
  await page.getByRole('button', { name: 'Start again' }).click()
  await login.submitCredentials('bob')
  await stepUp.sendSmsIfNeeded()
  const second = await emulator.latestSmsCode('bob', 1)
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await stepUp.enterCode(wrongCode(second))
    if (attempt < 5) await expect(stepUp.root).toContainText(`${5 - attempt} attempt`)
  }
  await expect(stepUp.root).toContainText(/Too many failed attempts/)
  // Locked: even the right code is refused now.
  await expect(stepUp.codeField()).toHaveCount(0)
})

test('expiry: a code older than 5 minutes (emulator clock) is refused', async ({
  page,
  emulator,
  network,
}) => {
  void network
  const { stepUp, code } = await smsLoginUntilCode(page, emulator)
  await emulator.advanceClock(301)
  await stepUp.enterCode(code)
  await expect(stepUp.root).toContainText('That code has expired. Request a new one.')
})

test('method switch: from SMS to the hardware token', async ({ page, emulator, network }) => {
  void network
  const login = new LoginPage(page)
  await login.goto()
  await login.submitCredentials('alice')
  const stepUp = new StepUpPanel(page)
  // Nothing is pre-selected: SMS is only sent on an explicit choice.
  await expect(stepUp.root.getByRole('button', { name: /Text message/ })).toBeVisible()
  expect(await emulator.outbox('alice')).toHaveLength(0)
  await stepUp.choose('sms')
  await stepUp.sendSmsIfNeeded()
  await emulator.latestSmsCode('alice')
  await stepUp.switchTo('challenge')
  const challenge = await stepUp.readChallenge()
  await stepUp.enterCode(await emulator.tokenRespond('CR0000001', challenge))
  await login.expectLoggedIn()
})

test('expiry: an unanswered QR code expires (emulator clock)', async ({
  page,
  emulator,
  network,
}) => {
  void network
  const login = new LoginPage(page)
  await login.goto()
  await login.submitCredentials('alice')
  const stepUp = new StepUpPanel(page)
  await stepUp.choose('qr')
  await expect(stepUp.qrImage()).toBeVisible()
  await emulator.advanceClock(301)
  await expect(stepUp.root.getByText('This QR code has expired.')).toBeVisible({ timeout: 20_000 })
  await expect(stepUp.root.getByRole('button', { name: 'Show a new QR code' })).toBeVisible()
})
