/** Enrolment: carol (no second factor yet) registers the spare token CR0000002, then uses it. */
import { LoginPage } from './models/login-page'
import { StepUpPanel } from './models/step-up'
import { expect, test } from './support/test'

test('enrol a spare hardware token, then log in with it', async ({ page, emulator, network }) => {
  void network
  const login = new LoginPage(page)
  await login.goto()
  await login.submitCredentials('carol')
  await login.expectLoggedIn()

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings' })
    .click()
  await page.getByLabel('Token serial number').fill('CR0000002')
  await page.getByRole('button', { name: 'Register' }).click()
  await expect(page.getByText('Registered: CR0000002.')).toBeVisible()

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Log out' })
    .click()
  await login.submitCredentials('carol')
  const stepUp = new StepUpPanel(page)
  const challenge = await stepUp.readChallenge()
  // The old stock token answers for carol now; alice's token does not.
  const wrong = await emulator.tokenRespond('CR0000003', challenge)
  const right = await emulator.tokenRespond('CR0000002', challenge)
  expect(right).not.toBe(wrong)
  await stepUp.enterCode(right)
  await login.expectLoggedIn()
})
