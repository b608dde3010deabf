/** Keyboard-only login, and a right-to-left run. */
import { type Page } from '@playwright/test'
import { LoginPage } from './models/login-page'
import { StepUpPanel } from './models/step-up'
import { expect, test } from './support/test'

/** Presses Tab until `name` has focus (keyboard only: no clicks). */
async function tabTo(page: Page, isTarget: () => Promise<boolean>, limit = 25) {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await isTarget()) return
    await page.keyboard.press('Tab')
  }
  throw new Error('target never received focus')
}

const focusedIs = (page: Page, role: 'textbox' | 'button', name: RegExp | string) => async () =>
  page
    .getByRole(role, { name })
    .evaluate((element) => element === document.activeElement)
    .catch(() => false)

test('keyboard-only login with the hardware token', async ({ page, emulator, network }) => {
  void network
  await page.goto('/')
  await tabTo(page, focusedIs(page, 'textbox', 'Username'))
  await page.keyboard.type('alice')
  await page.keyboard.press('Tab')
  await page.keyboard.type('alice-password')
  await page.keyboard.press('Enter')

  const stepUp = new StepUpPanel(page)
  await expect(stepUp.root.getByRole('button', { name: /Security token/ })).toBeVisible()
  await tabTo(page, focusedIs(page, 'button', /Security token/))
  await page.keyboard.press('Enter')
  const digits = stepUp.root.locator('[data-part="challenge-digits"]')
  await expect(digits).toBeVisible()
  const challenge = ((await digits.textContent()) ?? '').replace(/\D/g, '')
  const response = await emulator.tokenRespond('CR0000001', challenge)
  await tabTo(page, focusedIs(page, 'textbox', 'Response from your token'))
  await page.keyboard.type(response)
  await new LoginPage(page).expectLoggedIn()
  // Focus moved to the new page's heading (not lost on <body>).
  await expect(page.getByRole('heading', { name: 'Your accounts', level: 1 })).toBeFocused()
})

test('right-to-left: layout flips, codes stay left-to-right, login works', async ({
  page,
  emulator,
  network,
}) => {
  void network
  const login = new LoginPage(page)
  await login.goto()
  await page.getByRole('button', { name: 'Right-to-left' }).click()
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  // The banner's brand sits on the right in RTL.
  const brand = await page.locator('.demo-brand').boundingBox()
  expect(brand!.x).toBeGreaterThan(page.viewportSize()!.width / 2)

  await login.submitCredentials('alice')
  const stepUp = new StepUpPanel(page)
  await stepUp.choose('challenge')
  const challenge = await stepUp.readChallenge()
  await expect(stepUp.root.locator('[data-part="challenge-digits"]')).toHaveAttribute('dir', 'ltr')
  // Digits are typed and read left to right even on an RTL page.
  expect(await stepUp.codeField().evaluate((input) => getComputedStyle(input).direction)).toBe(
    'ltr',
  )
  await stepUp.enterCode(await emulator.tokenRespond('CR0000001', challenge))
  await login.expectLoggedIn()
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
})
