// Threat: forged or tampered flow state (T-G2, ASVS 4 3.5.3): the sealed flow cookie carries the
// username, the CENTAGATE authToken and the current challenge; a mutated seal that opened (or
// crashed the handler) would let an attacker pick the user or skip a factor. 1,000 mutations of a
// real seal (bit flips, truncation, padding games, swapped JWE segments, a seal under another key,
// alg/enc/kid header swaps): each must read as "no flow" — 409 no_flow, 0 upstream calls, no 5xx.
// (Appending `=` padding is not a change of the sealed bytes; such variants are counted apart.)
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { kitErrorBody } from '@centagate-kit/protocol'
import { device, kitRequest } from './support/kit-requests'
import { Journey } from './support/journeys'
import { createStack } from './support/stack'
import type { Stack } from './support/stack'

const mutations = 1_000
let stack: Stack
let other: Stack
let cookieName = ''
let seal = ''
let foreignSeal = ''
const figures: Record<string, string | number>[] = []

async function loginSeal(target: Stack): Promise<{ name: string; value: string }> {
  const journey = new Journey(target.handle)
  await journey.expectOk('login/start', { username: 'alice', password: 'alice-password', device })
  const name = journey.jar.names().find((n) => n.includes('centagate-flow'))
  if (name === undefined) throw new Error(`no flow cookie: ${journey.jar.names().join(', ')}`)
  const value = journey.jar
    .header()
    .split('; ')
    .find((pair) => pair.startsWith(`${name}=`))
  return { name, value: (value ?? '').slice(name.length + 1) }
}

beforeAll(async () => {
  stack = createStack()
  other = createStack()
  ;({ name: cookieName, value: seal } = await loginSeal(stack))
  ;({ value: foreignSeal } = await loginSeal(other))
})

afterAll(() => {
  console.log('\nflow cookie tamper')
  console.table(figures)
})

const b64 = (text: string) => Buffer.from(text).toString('base64url')

/**
 * Whether two seals carry the same bytes: base64url ignores `=` padding and the unused low bits of
 * a segment's last character, so some one-character changes spell the very same ciphertext.
 * Such a variant opening is not a forgery (nothing the attacker chose).
 */
const sameBytes = (a: string, b: string) => {
  const decode = (seal: string) =>
    seal
      .split('.')
      .map((segment) => Buffer.from(segment.replace(/=+$/, ''), 'base64url').toString('hex'))
  return decode(a).join('.') === decode(b).join('.')
}

function mutate(kind: number, position: number, value: number): string {
  const segments = seal.split('.')
  switch (kind) {
    case 0: {
      // Flip one character to another base64url character.
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
      const index = position % seal.length
      const current = seal[index]
      if (current === '.') return seal.slice(0, index) + 'A' + seal.slice(index + 1)
      let replacement = alphabet[value % alphabet.length]!
      if (replacement === current) replacement = alphabet[(value + 1) % alphabet.length]!
      return seal.slice(0, index) + replacement + seal.slice(index + 1)
    }
    case 1:
      return seal.slice(0, position % seal.length)
    case 2:
      return `${seal}${'='.repeat(1 + (value % 3))}`
    case 3: {
      const [a, b] = [position % segments.length, value % segments.length]
      const swapped = [...segments]
      ;[swapped[a], swapped[b]] = [swapped[b]!, swapped[a]!]
      const joined = swapped.join('.')
      return joined === seal ? segments.slice(1).join('.') : joined
    }
    case 4:
      return foreignSeal
    case 5: {
      const headers = [
        { alg: 'none', enc: 'A256GCM', kid: 'k1' },
        { alg: 'dir', enc: 'A128GCM', kid: 'k1' },
        { alg: 'dir', enc: 'A256GCM', kid: 'other' },
        { alg: 'dir', enc: 'A256GCM' },
        { alg: 'dir', enc: 'A256GCM', kid: '__proto__' },
        { alg: 'dir', enc: 'A256GCM', kid: 'k1', zip: 'DEF' },
      ]
      return [b64(JSON.stringify(headers[value % headers.length])), ...segments.slice(1)].join('.')
    }
    default: {
      // A syntactically plausible seal made of random segments.
      return [segments[0], '', b64(String(value)), b64(`x${position}`), b64('tag')].join('.')
    }
  }
}

describe('flow cookie tamper', () => {
  it('the untouched seal opens (control: the test can fail)', async () => {
    const response = await stack.handle(
      kitRequest('challenge/send', { body: { device }, cookie: `${cookieName}=${seal}` }),
    )
    expect(response.status, await response.clone().text()).toBe(200)
  })
  it('1,000 mutated seals: every one is "no flow", 0 upstream calls, no 5xx', async () => {
    const cases = fc.sample(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.nat(), fc.nat()), {
      numRuns: mutations,
      seed: 6_287,
    })
    const before = stack.upstream.calls
    const answers = new Map<string, number>()
    const opened: string[] = []
    let tested = 0
    let paddingOpened = 0
    for (const [kind, position, value] of cases) {
      const tampered = mutate(kind, position, value)
      if (tampered === seal) continue
      tested += 1
      const response = await stack.handle(
        kitRequest('sms/send', { body: { device }, cookie: `${cookieName}=${tampered}` }),
      )
      const text = await response.text()
      const parsed = kitErrorBody.safeParse(JSON.parse(text))
      const code = parsed.success ? parsed.data.error.code : `HTTP ${response.status}`
      answers.set(code, (answers.get(code) ?? 0) + 1)
      if (kind === 2 || sameBytes(tampered, seal)) {
        // `=` padding, or a last character whose changed bits base64url ignores: the same bytes
        // in a non-canonical spelling. jose decodes it to the identical authenticated ciphertext,
        // so an "open" here is not a forgery (nothing the attacker chose); counted, not failed.
        paddingOpened += code === 'no_flow' ? 0 : 1
        continue
      }
      if (code !== 'no_flow' && opened.length < 5) opened.push(`kind ${kind}: ${code}`)
      expect(response.status).toBeLessThan(500)
    }
    const upstream = stack.upstream.calls - before
    figures.push({
      mutations: tested,
      'same-bytes variants (padding, ignored bits) that opened': paddingOpened,
      answers: [...answers].map(([code, count]) => `${code}:${count}`).join(' '),
      'upstream calls': upstream,
    })
    expect(opened).toEqual([])
    // Only the padding variants may reach CENTAGATE (their SMS is the real flow's).
    expect(upstream).toBeLessThanOrEqual(paddingOpened)
  })
})
