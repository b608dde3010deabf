/**
 * The CENTAGATE app's other two methods: the code it shows (typed at login) and the push it
 * receives (approved or rejected on the phone). The device drawer plays the app; the control API
 * decides where a journey does not need the drawer.
 */
import type { Page } from '@playwright/test'
import { DeviceDrawer } from './models/device-drawer'
import { LoginPage } from './models/login-page'
import { StepUpPanel } from './models/step-up'
import { axeViolations } from './support/axe'
import { loginWithToken, submitTransfer } from './support/journeys'
import { expect, test } from './support/test'

async function loginUntilMethod(page: Page) {
  const login = new LoginPage(page)
  await login.goto()
  await login.submitCredentials('alice')
  return { login, stepUp: new StepUpPanel(page) }
}

test('log in with the code the CENTAGATE app shows (read in the device drawer)', async ({
  page,
  emulator,
  network,
}) => {
  void network
  const { login, stepUp } = await loginUntilMethod(page)
  await stepUp.choose('app_otp')
  await expect(stepUp.codeField()).toBeFocused()
  const shown = new DeviceDrawer(page).appRequests().getByTestId('app-code')
  await expect(shown).toHaveText(/^\d{6}$/)
  expect(await axeViolations(page), 'axe: the app-code step with the drawer').toEqual([])
  const code = (await shown.textContent())!.trim()
  // What the drawer shows is what the emulator's app computes (the control API agrees).
  expect([code]).toContain(await emulator.appCode('alice'))
  await stepUp.enterCode(code)
  await login.expectLoggedIn()
})

test('a wrong app code says how many attempts are left', async ({ page, emulator, network }) => {
  void network
  void emulator
  const { stepUp } = await loginUntilMethod(page)
  await stepUp.choose('app_otp')
  await stepUp.enterCode('000000')
  await expect(stepUp.root).toContainText('4 attempts left')
})

test('approve a push in the device drawer: the phone shows what the screen shows', async ({
  page,
  emulator,
  network,
}) => {
  void network
  void emulator
  const { login, stepUp } = await loginUntilMethod(page)
  await stepUp.choose('push')
  await expect(stepUp.pushDetails()).toHaveText('Sign in')
  const push = new DeviceDrawer(page).appRequests().getByTestId('app-push')
  await expect(push).toContainText('Sign in', { timeout: 10_000 })
  expect(await axeViolations(page), 'axe: the push step with the drawer').toEqual([])
  await push.getByRole('button', { name: 'Approve' }).click()
  await login.expectLoggedIn()
})

test('reject a push on the phone: the kit says so and offers a new request', async ({
  page,
  emulator,
  network,
}) => {
  void network
  const { stepUp } = await loginUntilMethod(page)
  await stepUp.choose('push')
  await expect.poll(async () => (await emulator.pushes('alice')).length).toBe(1)
  expect((await emulator.pushes('alice'))[0]?.details).toBe('Sign in')
  await emulator.decidePush('alice', 'reject')
  await expect(stepUp.root).toContainText('The request was rejected on your phone.', {
    timeout: 15_000,
  })
  await stepUp.root.getByRole('button', { name: 'Send a new request' }).click()
  await expect.poll(async () => (await emulator.pushes('alice')).length).toBe(1)
  await emulator.decidePush('alice', 'approve')
  await new LoginPage(page).expectLoggedIn()
})

test('a transfer approved by push: the phone shows the server summary of the transfer', async ({
  page,
  emulator,
  network,
}) => {
  void network
  const shell = await loginWithToken(page, emulator)
  const transfer = await submitTransfer(page, shell, {
    payeeName: 'Mei Ling',
    payeeAccount: '5140 1234 5678',
    amount: '12.00',
    reference: 'Lunch',
  })
  const stepUp = transfer.confirmation()
  await stepUp.choose('push')
  const push = new DeviceDrawer(page).appRequests().getByTestId('app-push')
  await expect(push).toContainText('Mei Ling', { timeout: 10_000 })
  await expect(push).toContainText('12.00')
  // The screen shows the same text the phone shows.
  await expect(stepUp.pushDetails()).toHaveText((await push.locator('p').first().textContent())!)
  await push.getByRole('button', { name: 'Approve' }).click()
  await expect(transfer.result()).toContainText('to Mei Ling completed', { timeout: 15_000 })
})
