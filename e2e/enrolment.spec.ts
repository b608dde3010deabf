/**
 * Enrolment: carol (no second factor yet) registers the spare token CR0000002 (a first factor:
 * no step-up), logs in with it, then adds a phone number: a factor change, so the kit asks for a
 * fresh step-up first (her new token), and registers the number she typed once it succeeded.
 */
import { LoginPage } from './models/login-page'
import { StepUpPanel } from './models/step-up'
import { expect, test } from './support/test'

test('enrol a spare hardware token, log in with it, then add a phone behind a step-up', async ({
  page,
  emulator,
  network,
}) => {
  void network
  const login = new LoginPage(page)
  await login.goto()
  await login.submitCredentials('carol')
  await login.expectLoggedIn()

  const settings = () =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  await settings()
  // The settings list her factors (none yet) and offers what she may add.
  await page.getByRole('button', { name: 'Hardware security token' }).click()
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

  // A second factor is a factor change: her session alone is not enough.
  await settings()
  await expect(page.getByText('Security token CR0000002')).toBeVisible()
  await page.getByRole('button', { name: 'Mobile phone (text messages)' }).click()
  await page.getByLabel('Mobile number').fill('+60 12-777 8899')
  await page.getByRole('button', { name: 'Register' }).click()
  // The step-up opens below the form (inline: the device drawer stays usable); her token answers.
  const confirm = new StepUpPanel(page)
  await expect(confirm.root).toBeVisible()
  await expect(page.getByLabel('Mobile number')).toHaveValue('+60 12-777 8899')
  await confirm.enterCode(await emulator.tokenRespond('CR0000002', await confirm.readChallenge()))
  await expect(confirm.root).toBeHidden()
  await expect(page.getByText('Registered: •••• 8899.')).toBeVisible()
})
