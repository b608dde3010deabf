/**
 * Transaction signing: the transfer API demands a step-up (401), the kit opens StepUp in a dialog,
 * the QR is read from the screen's pixels and handed to the emulator's CENTAGATE app, which shows
 * the details it decoded; approving completes the step-up and the transfer is retried.
 */
import type { Page } from '@playwright/test'
import { DeviceDrawer } from './models/device-drawer'
import { AppShell } from './models/app-shell'
import { TransferPage } from './models/transfer-page'
import { loginWithToken, smsLoginUntilCode, submitTransfer } from './support/journeys'
import { expect, test } from './support/test'

/** The everyday account's balance on the accounts page, in sen (the bank's state outlives tests). */
async function balanceSen(page: Page): Promise<number> {
  const text = (await page.getByTestId('balance-everyday').textContent()) ?? ''
  return Math.round(Number(text.replace(/[^0-9.]/g, '')) * 100)
}

const payee = {
  payeeName: 'Siti Rahman',
  payeeAccount: '5140 1234 5678',
  amount: '250.00',
  reference: 'Rent',
}

test('QR transaction signing: decoded from pixels, scanned by the app, approved', async ({
  page,
  emulator,
  network,
}) => {
  void network
  const shell = await loginWithToken(page, emulator)
  const before = await balanceSen(page)
  const transfer = await submitTransfer(page, shell, payee)

  const stepUp = transfer.confirmation()
  const dialog = stepUp.root
  await expect(dialog).toBeVisible()
  await stepUp.choose('qr')
  // The panel shows exactly the server's record of the transfer.
  await expect(stepUp.root.getByText('MYR 250.00')).toBeVisible()
  await expect(stepUp.root.getByText('Siti Rahman')).toBeVisible()

  const qrValue = await stepUp.scanQrPixels()
  const scanned = await emulator.scan(qrValue)
  // What the app shows the user is what the bank signs: amount and payee of this transfer.
  expect(scanned.details).toContain('MYR 250.00')
  expect(scanned.details).toContain('Siti Rahman')
  expect(scanned.otp).toMatch(/^\d{6,8}$/)
  await emulator.decide('alice', 'approve')

  await expect(dialog).toBeHidden({ timeout: 15_000 })
  await expect(transfer.result()).toContainText(
    /Transfer TX-[0-9A-F]+ of MYR 250.00 to Siti Rahman completed/,
  )
  await shell.goTo('Accounts')
  await expect.poll(() => balanceSen(page)).toBe(before - 25_000)
})

test('a rejected approval: nothing is transferred', async ({ page, emulator, network }) => {
  void network
  const shell = await loginWithToken(page, emulator)
  const before = await balanceSen(page)
  const transfer = await submitTransfer(page, shell, { ...payee, amount: '99.90' })

  const stepUp = transfer.confirmation()
  const dialog = stepUp.root
  await stepUp.choose('qr')
  await emulator.scan(await stepUp.scanQrPixels())
  await emulator.decide('alice', 'reject')
  await expect(stepUp.root.getByText('The request was declined in the app.')).toBeVisible({
    timeout: 15_000,
  })
  await stepUp.root.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await expect(transfer.result()).toHaveText('The transfer was not confirmed. Nothing was sent.')
  await shell.goTo('Accounts')
  expect(await balanceSen(page)).toBe(before)
})

test('the device drawer plays the phone: scan, check the details, approve', async ({
  page,
  emulator,
  network,
}) => {
  void network
  const shell = await loginWithToken(page, emulator)
  const transfer = await submitTransfer(page, shell, {
    ...payee,
    payeeName: 'Mei Ling',
    amount: '10.00',
  })
  const stepUp = transfer.confirmation()
  await stepUp.choose('qr')
  await expect(stepUp.qrImage()).toBeVisible()

  const app = new DeviceDrawer(page).app()
  await app.getByRole('button', { name: 'Scan the QR code on screen' }).click()
  await expect(app.getByTestId('app-scan')).toContainText('MYR 10.00')
  await expect(app.getByTestId('app-scan')).toContainText('Mei Ling')
  await app.getByRole('button', { name: 'Approve' }).click()
  await expect(transfer.result()).toContainText('to Mei Ling completed', { timeout: 15_000 })
})

test('QR signing by typing the one-time code the app shows', async ({
  page,
  emulator,
  network,
}) => {
  void network
  const shell = await loginWithToken(page, emulator)
  const transfer = await submitTransfer(page, shell, {
    ...payee,
    payeeName: 'Farid Osman',
    amount: '42.00',
  })
  const stepUp = transfer.confirmation()
  await stepUp.choose('qr')
  const scanned = await emulator.scan(await stepUp.scanQrPixels())
  await stepUp.root.getByRole('button', { name: 'Enter the code shown in the app instead' }).click()
  await stepUp.enterCode(scanned.otp)
  await expect(transfer.result()).toContainText('to Farid Osman completed', { timeout: 15_000 })
})

test('a transfer signed by SMS: the text carries the transfer details', async ({
  page,
  emulator,
  network,
}) => {
  void network
  const started = await smsLoginUntilCode(page, emulator)
  await started.stepUp.enterCode(started.code)
  await started.login.expectLoggedIn()

  await new AppShell(page).goTo('Transfer')
  const transfer = new TransferPage(page)
  await transfer.fill({ ...payee, payeeName: 'Kavitha Raj', amount: '75.25' })
  // Past the login SMS's resend cooldown (60 s) on the clock the kit shares with the emulator.
  await emulator.advanceClock(61)
  await transfer.submit()
  const signing = transfer.confirmation()
  await signing.sendSmsIfNeeded()
  const code = await emulator.latestSmsCode('bob', 1)
  const text = (await emulator.outbox('bob')).at(-1)?.text ?? ''
  expect(text).toContain('75.25')
  expect(text).toContain('Kavitha Raj')
  await signing.enterCode(code)
  await expect(transfer.result()).toContainText('to Kavitha Raj completed', { timeout: 15_000 })
})

test('a transfer signed with the hardware token (transaction challenge)', async ({
  page,
  emulator,
  network,
}) => {
  void network
  const shell = await loginWithToken(page, emulator)
  const transfer = await submitTransfer(page, shell, {
    ...payee,
    payeeName: 'Nurul Huda',
    amount: '5.00',
  })
  const signing = transfer.confirmation()
  await signing.choose('challenge')
  // The transfer being signed is shown next to the challenge.
  await expect(signing.root).toContainText('Nurul Huda')
  const challenge = await signing.readChallenge()
  await signing.enterCode(await emulator.tokenRespond('CR0000001', challenge))
  await expect(transfer.result()).toContainText('to Nurul Huda completed', { timeout: 15_000 })
})
