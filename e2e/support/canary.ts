/**
 * Distinctive secret values the e2e demo server runs with. The network check and the build scan
 * look for them: if one ever shows up in what the browser sees, a secret leaked.
 */
export const canary = {
  /** 64 hex characters, like a real integration key. */
  integrationKey: 'ca11ab1ec0ffee00ca11ab1ec0ffee00ca11ab1ec0ffee00ca11ab1ec0ffee00',
  secretKey: 'CanarySecretK3yE2E',
  cookieSecret: 'canary-cookie-secret-e2e-0123456789abcdef',
  receiptSecret: 'canary-receipt-secret-e2e-0123456789abcdef',
} as const

/** Every canary value, for scans. */
export const canaryValues: readonly string[] = Object.values(canary)
