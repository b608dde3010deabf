/** Typed calls to the demo bank's own API (apps/demo/server/bank-api.ts). */

export interface AccountView {
  id: string
  name: string
  number: string
  balance: string
}

export interface TransferView {
  id: string
  fromAccountId: string
  payeeName: string
  payeeAccount: string
  amount: string
  reference: string
  status: 'pending' | 'completed'
  createdAt: number
}

export class BankApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`bank API ${status} ${code}`)
  }
}

async function call<T>(
  path: string,
  init?: RequestInit,
  fetcher: typeof fetch = fetch,
): Promise<T> {
  const response = await fetcher(`/api/bank/${path}`, {
    credentials: 'same-origin',
    ...init,
    headers: {
      accept: 'application/json',
      ...(init?.body ? { 'content-type': 'application/json' } : {}),
    },
  })
  const body = (await response.json().catch(() => null)) as
    (T & { error?: { code?: string } }) | null
  if (!response.ok) throw new BankApiError(response.status, body?.error?.code ?? 'bad_response')
  return body as T
}

export const bankClient = {
  config: () => call<{ emulator: boolean }>('config'),
  session: () => call<{ user: { username: string } | null }>('session'),
  logout: () => call<{ ok: true }>('logout', { method: 'POST', body: '{}' }),
  accounts: () => call<{ accounts: AccountView[]; transfers: TransferView[] }>('accounts'),
  createTransfer: (input: {
    fromAccountId: string
    payeeName: string
    payeeAccount: string
    amount: string
    reference: string
  }) =>
    call<{ transfer: TransferView }>('transfers', { method: 'POST', body: JSON.stringify(input) }),
  /** Executes a transfer through `fetcher`: the kit's step-up fetch, which handles the 401. */
  executeTransfer: (id: string, fetcher: typeof fetch) =>
    call<{ transfer: TransferView }>(
      `transfers/${encodeURIComponent(id)}/execute`,
      { method: 'POST', body: '{}' },
      fetcher,
    ),
}
