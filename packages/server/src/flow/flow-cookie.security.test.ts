// Threat: forged, tampered, replayed or stale flow state (anchors-security G). Anything that does
// not open under a current key is "no flow", never a 5xx; rotation keeps old seals working until
// their key is removed.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createFlowSealer } from './flow-cookie'
import { choosingFlow, fixedNow } from '@centagate-kit/testkit/flow-fixtures'

const now = fixedNow
const state = choosingFlow(now)
const k1 = { id: 'k1', secret: 'a'.repeat(40) }
const k2 = { id: 'k2', secret: 'b'.repeat(40) }

describe('sealed flow cookie', () => {
  it('round-trips and hides the content', async () => {
    const sealer = createFlowSealer([k1])
    const sealed = await sealer.seal(state, now)
    expect(sealed).not.toContain('alice')
    expect(await sealer.open(sealed, now)).toEqual(state)
  })

  it('rejects 1,000 mutations (bit flips, truncation, swapped segments)', async () => {
    const sealer = createFlowSealer([k1])
    const sealed = await sealer.seal(state, now)
    await fc.assert(
      fc.asyncProperty(
        fc.nat(sealed.length - 1),
        fc.integer({ min: 1, max: 63 }),
        fc.boolean(),
        async (index, delta, truncate) => {
          const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'
          const current = alphabet.indexOf(sealed[index]!)
          const mutated = truncate
            ? sealed.slice(0, index)
            : sealed.slice(0, index) +
              alphabet[(current + delta) % alphabet.length] +
              sealed.slice(index + 1)
          if (mutated === sealed) return
          const opened = await sealer.open(mutated, now)
          // A change in the last base64url character may only touch padding bits; then it decodes identically.
          if (opened !== null) expect(opened).toEqual(state)
          else expect(opened).toBeNull()
        },
      ),
      { numRuns: 1000, seed: 42 },
    )
    const parts = sealed.split('.')
    expect(
      await sealer.open([parts[0], parts[1], parts[3], parts[2], parts[4]].join('.'), now),
    ).toBeNull()
  })

  it('expiry, rotation and removed keys', async () => {
    const old = createFlowSealer([k1])
    const sealedOld = await old.seal(state, now)
    expect(await old.open(sealedOld, state.expiresAt + 1)).toBeNull()
    const rotated = createFlowSealer([k2, k1])
    expect(await rotated.open(sealedOld, now)).toEqual(state)
    const resealed = await rotated.seal(state, now)
    expect(
      JSON.parse(atob(resealed.split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/'))),
    ).toMatchObject({ kid: 'k2' })
    const removed = createFlowSealer([k2])
    expect(await removed.open(sealedOld, now)).toBeNull()
    expect(
      await createFlowSealer([{ id: 'k1', secret: 'c'.repeat(40) }]).open(sealedOld, now),
    ).toBeNull()
  })
})
