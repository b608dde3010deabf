// A fixed clock and a minimal opened flow for the flow-cookie tests (Node and Chromium).
import type { FlowState } from '../flow/flow-state'

export const fixedNow = 1_700_000_000_000

/** A login flow choosing its method, valid for 10 minutes after `now`. */
export const choosingFlow = (now = fixedNow): FlowState => ({
  fid: 'f1',
  flow: 'login',
  step: 'choose_method',
  username: 'alice',
  authToken: 'AT',
  methods: ['sms'],
  expiresAt: now + 600_000,
})
