/**
 * Threat: the network check itself passing vacuously. A page that does receive a secret must be
 * caught: a canary value, an HMAC-shaped hex string, an authToken-shaped base64 string.
 */
import { expect, test } from '@playwright/test'
import { canary } from './support/canary'
import { recordNetwork } from './support/network-log'

test('the network check catches a leaked secret', async ({ page }) => {
  const log = recordNetwork(page)
  await page.route('**/api/bank/leak-probe', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        a: canary.secretKey,
        b: 'f'.repeat(64),
        c: `${'A'.repeat(43)}=`,
      }),
    }),
  )
  await page.goto('/')
  await page.evaluate(() => fetch('/api/bank/leak-probe').then((response) => response.text()))
  const leaks = await log.findLeaks(['issued-token-value'])
  expect(leaks.join('\n')).toContain('a secret value')
  expect(leaks.join('\n')).toContain('hex-64')
  expect(leaks.join('\n')).toContain('base64-44')
})
