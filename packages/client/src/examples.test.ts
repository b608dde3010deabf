// The README's runnable example must keep running: it is executed here, end to end.
import { describe, expect, it } from 'vitest'
import { runSmsStepUp } from '../examples/sms-step-up'

describe('examples/sms-step-up', () => {
  it('steps up by SMS against the in-process server and emulator', async () => {
    const lines: string[] = []
    const states = await runSmsStepUp((line) => lines.push(line))
    expect(states).toEqual([
      'starting',
      'method › sms sending',
      'method › sms awaiting-otp',
      'method › sms verifying',
      'approved',
    ])
    expect(lines.at(-1)).toBe('authenticated with sms')
    expect(lines.join('\n')).toMatch(/code sent to •••• \d{4}, valid for 300 s/)
  })
})
