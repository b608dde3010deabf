/**
 * Emulator fixtures for the suites: the default users (alice, bob, carol, admin, stock tokens),
 * with the app's keys and the admin password replaced by canaries, plus any number of generated
 * SMS-only users for load, and dave, whose only factor is the hardware token CR0000003 (the emulator's SMS cooldown and quota are per user).
 */
import { type FixturesInput, defaultFixtures } from '@centagate-kit/emulator'
import type { Canaries } from './canaries'

export interface SuiteFixturesOptions {
  /** How many extra SMS-only users `load-<n>` to add. Default 0. */
  loadUsers?: number
}

/** Username of the n-th generated load user. */
export const loadUsername = (index: number) => `load-${index}`

/** A distinct, valid E.164 number per generated user. */
const loadPhone = (index: number) => `+6017${String(index).padStart(7, '0')}`

export function suiteFixtures(
  canaries: Canaries,
  options: SuiteFixturesOptions = {},
): FixturesInput {
  const users: FixturesInput['users'] = defaultFixtures.users.map((user) =>
    user.username === 'admin' ? { ...user, password: canaries.adminPassword } : { ...user },
  )
  users.push({
    username: 'dave',
    password: 'dave-password',
    userId: '10004',
    email: 'dave@example.test',
    firstName: 'Dave',
    lastName: 'Hardware',
  })
  for (let index = 0; index < (options.loadUsers ?? 0); index += 1) {
    users.push({
      username: loadUsername(index),
      password: `load-password-${index}`,
      userId: String(200_000 + index),
      email: `${loadUsername(index)}@example.test`,
      firstName: 'Load',
      lastName: String(index),
      phone: loadPhone(index),
    })
  }
  return {
    apps: [
      {
        name: 'security suite',
        integrationKey: canaries.integrationKey,
        secretKey: canaries.secretKey,
      },
    ],
    users,
    // dave: a hardware-token-only user (CR0000003), so challenge-response has one responder.
    tokens: defaultFixtures.tokens.map((token) =>
      token.serial === 'CR0000003' ? { ...token, owner: 'dave' } : { ...token },
    ),
  }
}
