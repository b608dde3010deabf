// A fixed clock and a minimal opened flow for the server's flow-cookie tests (Node and Chromium).
// The flow's type is the server's internal FlowState: the literal is checked against it where the
// tests seal it.

export const fixedNow = 1_700_000_000_000

/** The cookie of a login flow proving a second factor, valid for 10 minutes after `now`. */
export const choosingFlow = (now = fixedNow) => ({
  fid: 'f1',
  flow: 'login' as const,
  step: 'factor' as const,
  username: 'alice',
  expiresAt: now + 600_000,
})
