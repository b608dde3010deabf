/**
 * The demo bank's state: sessions, accounts and transfers, in memory (a real bank has a database).
 * Money is kept in integer sen (1/100 MYR) so balances never drift.
 */

export interface Account {
  id: string
  name: string
  /** Masked account number shown in the UI. */
  number: string
  balanceSen: number
}

export interface Transfer {
  id: string
  username: string
  fromAccountId: string
  payeeName: string
  payeeAccount: string
  amountSen: number
  reference: string
  status: 'pending' | 'completed'
  createdAt: number
  completedAt?: number
}

export interface BankStore {
  createSession(username: string): string
  sessionUser(sessionId: string | undefined): string | null
  endSession(sessionId: string | undefined): void
  accounts(username: string): Account[]
  createTransfer(input: Omit<Transfer, 'id' | 'status' | 'createdAt'>): Transfer
  transfer(id: string): Transfer | undefined
  transfers(username: string): Transfer[]
  /** Debits the account once; a second call for the same transfer changes nothing. */
  completeTransfer(id: string): Transfer
}

const currency = 'MYR'

/** `12345` sen → `MYR 123.45` (one format for the UI and for what the user signs). */
export function formatAmount(amountSen: number): string {
  const whole = Math.floor(amountSen / 100).toLocaleString('en-US')
  return `${currency} ${whole}.${String(amountSen % 100).padStart(2, '0')}`
}

function randomId(bytes: number): string {
  const raw = crypto.getRandomValues(new Uint8Array(bytes))
  return Array.from(raw, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

function openingAccounts(): Account[] {
  return [
    { id: 'everyday', name: 'Everyday account', number: '•••• 4021', balanceSen: 1_245_000 },
    { id: 'savings', name: 'Savings account', number: '•••• 7788', balanceSen: 4_821_055 },
  ]
}

export function createBankStore(options: { now?: () => number } = {}): BankStore {
  const now = options.now ?? Date.now
  const sessions = new Map<string, string>()
  const accountsByUser = new Map<string, Account[]>()
  const transfers = new Map<string, Transfer>()

  const accounts = (username: string): Account[] => {
    let list = accountsByUser.get(username)
    if (!list) {
      list = openingAccounts()
      accountsByUser.set(username, list)
    }
    return list
  }

  return {
    createSession(username) {
      const id = randomId(24)
      sessions.set(id, username)
      return id
    },
    sessionUser: (sessionId) => (sessionId ? (sessions.get(sessionId) ?? null) : null),
    endSession(sessionId) {
      if (sessionId) sessions.delete(sessionId)
    },
    accounts,
    createTransfer(input) {
      const transfer: Transfer = {
        ...input,
        id: `TX-${randomId(6).toUpperCase()}`,
        status: 'pending',
        createdAt: now(),
      }
      transfers.set(transfer.id, transfer)
      return transfer
    },
    transfer: (id) => transfers.get(id),
    transfers: (username) =>
      [...transfers.values()]
        .filter((transfer) => transfer.username === username)
        .sort((a, b) => b.createdAt - a.createdAt),
    completeTransfer(id) {
      const transfer = transfers.get(id)
      if (!transfer) throw new Error(`unknown transfer ${id}`)
      if (transfer.status === 'completed') return transfer
      const account = accounts(transfer.username).find((a) => a.id === transfer.fromAccountId)
      if (!account) throw new Error(`unknown account ${transfer.fromAccountId}`)
      account.balanceSen -= transfer.amountSen
      transfer.status = 'completed'
      transfer.completedAt = now()
      return transfer
    },
  }
}
