/** What the flow concurrency matrix must show, on every store. */
import { expect } from 'vitest'
import { type Figures, pairs, runsPerPair } from './flow-matrix'

export function expectFlowsSurvived(figures: Figures): void {
  expect(figures.problems.slice(0, 10)).toEqual([])
  expect(figures.runs).toBe(pairs.length * runsPerPair)
  expect(figures.spuriousNoFlow).toBe(0)
  expect(figures.lostApprovals).toBe(0)
  expect(figures.quotaMismatches).toBe(0)
  expect(figures.serverErrors).toBe(0)
  expect(figures.unusableAfter).toBe(0)
  // The matrix did exercise what it claims: SMS went out, logins completed.
  expect(figures.smsSent).toBeGreaterThan(0)
  expect(figures.authenticated).toBeGreaterThan(0)
}
