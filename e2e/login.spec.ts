/** Logins with each second factor, the device answers coming from the emulator's simulators. */
import { LoginPage } from './models/login-page'
import { StepUpPanel } from './models/step-up'
import { smsLoginUntilCode } from './support/journeys'
import { expect, test } from './support/test'

test('SMS login: the code comes from the emulator outbox', async ({ page, emulator, network }) => {
  void network
  const { login, stepUp, code } = await smsLoginUntilCode(page, emulator)
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

test('wrong password and unknown user get the same answer (no enumeration)', async ({
  page,
  emulator,
  network,
}) => {
  void network
  void emulator
  const login = new LoginPage(page)
  const messageFor = async (username: string, password: string) => {
    await login.goto()
    await login.submitCredentials(username, password)
    // Back on the form, with the error announced and focused.
    const alert = page.locator('main').getByRole('alert')
    await expect(alert).toBeFocused()
    await expect(login.username()).toHaveAttribute('aria-invalid', 'true')
    return (await alert.innerText()).trim()
  }
  const wrongPassword = await messageFor('alice', 'not-her-password')
  const unknownUser = await messageFor('nobody-here', 'whatever-password')
  expect(wrongPassword).toBe(unknownUser)
  expect(wrongPassword).toBe('The username or password is not correct.')
})
