// The README's "Components and parts" table says what each widget renders: its parts must be the
// widget's anatomy list (what its data-part attributes are typed by) and its data-state values the
// states of the client machine it renders. A part or state added in code and not in the README,
// or the other way round, fails here.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import {
  codeTransitions,
  enrolmentTransitions,
  factorSetupTransitions,
  pushTransitions,
  qrTransitions,
  stepUpTransitions,
} from '@centagate-kit/client'
import { appOtpParts } from '../src/app-otp/app-otp-anatomy'
import { authenticatorEnrollmentParts } from '../src/authenticator-enrollment/authenticator-enrollment-anatomy'
import { challengeResponseParts } from '../src/challenge-response/challenge-response-anatomy'
import { otpFieldParts, otpFieldStates } from '../src/otp-field/otp-field-anatomy'
import { pushApprovalParts } from '../src/push-approval/push-approval-anatomy'
import { qrSigningParts } from '../src/qr-signing/qr-signing-anatomy'
import { securitySettingsParts } from '../src/security-settings/security-settings-anatomy'
import { securitySettingsTransitions } from '../src/security-settings/security-settings-states'
import { smsOtpParts } from '../src/sms-otp/sms-otp-anatomy'
import { stepUpParts } from '../src/step-up/step-up-anatomy'
import { tokenEnrollmentParts } from '../src/token-enrollment/token-enrollment-anatomy'

const readme = readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'README.md'),
  'utf8',
)

/** The rows of the table under "## Components and parts": component → states and parts. */
function partsTable(): Map<string, { states: string[]; parts: string[] }> {
  const start = readme.indexOf('## Components and parts')
  // Up to the next section (the token table further down is not a parts table).
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1))
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|').map((cell) => cell.trim()))
  return new Map(
    rows.map(([, component = '', states = '', parts = '']) => [
      /`(\w+)`/.exec(component)?.[1] ?? '',
      {
        // Kebab-case values only: type names such as `CodeState` in the cell are not states.
        states: [...states.matchAll(/`([a-z][a-z-]*)`/g)].map((match) => match[1]!),
        parts: parts.split(',').map((part) => part.trim()),
      },
    ]),
  )
}

const widgets = {
  OtpField: { parts: otpFieldParts, states: otpFieldStates },
  SmsOtp: { parts: smsOtpParts, states: Object.keys(codeTransitions) },
  ChallengeResponse: { parts: challengeResponseParts, states: Object.keys(codeTransitions) },
  QrSigning: { parts: qrSigningParts, states: Object.keys(qrTransitions) },
  AppOtp: { parts: appOtpParts, states: Object.keys(codeTransitions) },
  PushApproval: { parts: pushApprovalParts, states: Object.keys(pushTransitions) },
  TokenEnrollment: { parts: tokenEnrollmentParts, states: Object.keys(enrolmentTransitions) },
  StepUp: { parts: stepUpParts, states: Object.keys(stepUpTransitions) },
  AuthenticatorEnrollment: {
    parts: authenticatorEnrollmentParts,
    states: Object.keys(factorSetupTransitions),
  },
  SecuritySettings: {
    parts: securitySettingsParts,
    states: Object.keys(securitySettingsTransitions),
  },
}

describe('README parts table', () => {
  const table = partsTable()

  test('has one row per widget, and no other', () => {
    expect([...table.keys()].sort()).toEqual(Object.keys(widgets).sort())
  })

  test.each(Object.entries(widgets))('%s: the parts are its anatomy list', (name, widget) => {
    expect(table.get(name)?.parts).toEqual([...widget.parts])
  })

  test.each(Object.entries(widgets))(
    '%s: the data-state values are its machine states',
    (name, widget) => {
      expect([...(table.get(name)?.states ?? [])].sort()).toEqual([...widget.states].sort())
    },
  )

  test('each anatomy list names a part once', () => {
    for (const widget of Object.values(widgets)) {
      expect(new Set(widget.parts).size).toBe(widget.parts.length)
    }
  })

  test('the check can fail: a part missing from a row is caught', () => {
    const row = table.get('SmsOtp')!
    expect(row.parts.filter((part) => part !== 'resend-timer')).not.toEqual([...smsOtpParts])
  })
})
