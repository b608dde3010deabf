// The bank API refuses payee names and references that would become hidden or reordering
// transaction text (the kit's display-text rule, imported from protocol), before it records a
// transfer; plain names in any script are fine.
import { refusedStrings } from '@centagate-kit/testkit/hostile-strings'
import { describe, expect, it } from 'vitest'
import { createBankApi } from './bank-api'
import { createBankStore } from './bank-store'

const origin = 'http://127.0.0.1:5173'

function setup() {
  const store = createBankStore()
  const api = createBankApi({
    store,
    emulator: true,
    requireStepUpForTransfer: () => Promise.resolve({ ok: true }),
  })
  const session = store.createSession('alice')
  const transfer = (fields: Record<string, string>) =>
    api(
      new Request(`${origin}/api/bank/transfers`, {
        method: 'POST',
        headers: {
          origin,
          'content-type': 'application/json',
          cookie: `demo-session=${session}`,
        },
        body: JSON.stringify({
          fromAccountId: 'everyday',
          payeeName: 'Siti Aminah',
          payeeAccount: '1234 5678',
          amount: '10.00',
          ...fields,
        }),
      }),
    )
  return { store, transfer }
}

describe('bank API transfers: display text only', () => {
  it.each(['payeeName', 'reference'])('refuses every hostile %s', async (field) => {
    const { store, transfer } = setup()
    // Surrounding whitespace is trimmed, as any input is: only what is inside counts.
    for (const { text } of refusedStrings.filter((entry) => entry.text.trim() === entry.text)) {
      const answer = await transfer({ [field]: text.slice(0, 64) })
      expect(answer?.status, JSON.stringify(text)).toBe(400)
      expect(await answer?.json()).toEqual({ error: { code: 'invalid_input', fields: [field] } })
    }
    expect(store.transfers('alice')).toEqual([])
  })

  it('records plain names in any script', async () => {
    const { transfer } = setup()
    for (const payeeName of ['محمد علي', 'שלום', '张伟', 'Nguyễn Văn A']) {
      expect((await transfer({ payeeName }))?.status).toBe(201)
    }
  })
})

describe('bank API logout', () => {
  it("ends the bank's session and the CENTAGATE one, with both cookies cleared", async () => {
    const store = createBankStore()
    const ended: Request[] = []
    const api = createBankApi({
      store,
      emulator: true,
      requireStepUpForTransfer: () => Promise.resolve({ ok: true }),
      endCentagateSession: async (request) => {
        ended.push(request)
        return { headers: new Headers([['set-cookie', 'centagate-session=; Max-Age=0']]) }
      },
    })
    const session = store.createSession('alice')
    const answer = await api(
      new Request(`${origin}/api/bank/logout`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json', cookie: `demo-session=${session}` },
        body: '{}',
      }),
    )
    expect(answer?.status).toBe(200)
    expect(ended).toHaveLength(1)
    expect(store.sessionUser(session)).toBeNull()
    const cookies = answer?.headers.getSetCookie() ?? []
    expect(cookies.some((cookie) => cookie.startsWith('demo-session=;'))).toBe(true)
    expect(cookies).toContain('centagate-session=; Max-Age=0')
  })
})
