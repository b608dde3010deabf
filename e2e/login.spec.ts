/** Logins with each second factor, the device answers coming from the emulator's simulators. */
import { LoginPage } from './models/login-page'
import { StepUpPanel } from './models/step-up'
import { expect, test } from './support/test'

test('SMS login: the code comes from the emulator outbox', async ({ page, emulator, network }) => {
  void network
  const login = new LoginPage(page)
  await login.goto()
  await login.submitCredentials('bob')
  const stepUp = new StepUpPanel(page)
  await stepUp.sendSmsIfNeeded()
  const code = await emulator.latestSmsCode('bob')
  expect(code).toMatch(/^\d{6}$/)
  await stepUp.enterCode(code)
  await login.expectLoggedIn()
})

test('challenge-response login: the response comes from the token simulator', async ({
  page,
  emulator,
  network,
}) => {
  void network
  const login = new LoginPage(page)
  await login.goto()
  await login.submitCredentials('alice')
  const stepUp = new StepUpPanel(page)
  await stepUp.choose('challenge')
  const challenge = await stepUp.readChallenge()
  const response = await emulator.tokenRespond('CR0000001', challenge)
  await stepUp.enterCode(response)
  await login.expectLoggedIn()
})
