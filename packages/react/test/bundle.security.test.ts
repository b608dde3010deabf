// Threat: secrets or signing code shipped to browsers (anchors-ui §0.5: a public CENTAGATE React
// client computed the HMAC in the browser with the secret inlined). The built @centagate-kit/react
// entries, and @centagate-kit/client as an app imports it next to them, must contain no
// `crypto.subtle.sign`, no HMAC code and no import of the server package or protocol/signing; no
// server-only contract code either (zod, the route declarations and their schema vocabulary: the
// browser checks are generated from them); and the OTP field entry must not pull the QR encoder or
// fingerprinting.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type Metafile } from 'esbuild'
import { beforeAll, describe, expect, test } from 'vitest'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | Record<string, string>>
}
// Script entries only: `./styles.css` has a source condition too, and holds no code.
const entries = Object.entries(pkg.exports)
  .filter(
    ([, target]) =>
      typeof target === 'object' && /\.tsx?$/.test(target['@centagate-kit/source'] ?? ''),
  )
  .map(([name, target]) => ({
    name,
    file: path.join(root, (target as Record<string, string>)['@centagate-kit/source']!),
  }))

interface Built {
  code: string
  inputs: string[]
  /** Inputs that put bytes in the output (what tree shaking kept). */
  keptInputs: string[]
  /** Inputs reachable from the entry through static imports only (what loads eagerly). */
  eagerInputs: string[]
}

function eagerInputsOf(metafile: Metafile): string[] {
  const outputs = metafile.outputs
  const entry = Object.keys(outputs).find((name) => outputs[name]!.entryPoint !== undefined)!
  const seen = new Set<string>()
  const visit = (name: string) => {
    if (seen.has(name) || !outputs[name]) return
    seen.add(name)
    for (const imported of outputs[name]!.imports) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path)
    }
  }
  visit(entry)
  return [...seen].flatMap((name) => Object.keys(outputs[name]!.inputs))
}
const outputs = new Map<string, Built>()
/** The kit client as an app imports it (the widgets take the client from the app). */
const clientEntry = 'client: @centagate-kit/client'

beforeAll(async () => {
  const builds = [
    ...entries.map((entry) => ({ name: entry.name, input: { entryPoints: [entry.file] } })),
    {
      name: clientEntry,
      input: {
        stdin: {
          contents: "export * from '@centagate-kit/client'",
          resolveDir: path.join(root, 'src'),
          loader: 'ts' as const,
        },
      },
    },
  ]
  for (const entry of builds) {
    const result = await build({
      ...entry.input,
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: false,
      splitting: true,
      outdir: '/virtual',
      metafile: true,
      conditions: ['@centagate-kit/source', 'browser', 'module', 'import', 'default'],
      external: ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query'],
      jsx: 'automatic',
      logLevel: 'silent',
    })
    const metafile = result.metafile as Metafile
    outputs.set(entry.name, {
      code: result.outputFiles.map((file) => file.text).join('\n'),
      inputs: Object.keys(metafile.inputs),
      keptInputs: [
        ...new Set(
          Object.values(metafile.outputs).flatMap((output) =>
            Object.entries(output.inputs)
              .filter(([, input]) => input.bytesInOutput > 0)
              .map(([name]) => name),
          ),
        ),
      ],
      eagerInputs: eagerInputsOf(metafile),
    })
  }
}, 120_000)

describe('@centagate-kit/react bundles', () => {
  test('there is one entry per component plus the root', () => {
    expect(entries.map((entry) => entry.name).sort()).toEqual(
      [
        '.',
        './messages/en',
        './messages/id',
        './messages/ms',
        './messages/zh-CN',
        './app-otp',
        './challenge-response',
        './otp-field',
        './push-approval',
        './qr-signing',
        './sms-otp',
        './step-up',
        './token-enrollment',
        './authenticator-enrollment',
        './security-settings',
      ].sort(),
    )
  })

  test.each([...entries.map((entry) => entry.name), clientEntry])(
    '%s has no signing, HMAC or server code',
    (name) => {
      const built = outputs.get(name)!
      expect(built.code).not.toMatch(/subtle\s*\.\s*sign/)
      expect(built.code).not.toMatch(/\bcreateHmac\b|name:\s*['"]HMAC['"]|HMAC-SHA256|importKey\(/)
      expect(built.code).not.toMatch(
        /@centagate-kit\/server|protocol\/src\/signing|protocol\/signing/,
      )
      const forbidden = built.inputs.filter((input) =>
        /packages\/(server|emulator)\/|protocol\/src\/signing\//.test(input),
      )
      expect(forbidden).toEqual([])
    },
  )

  test.each([...entries.map((entry) => entry.name), clientEntry])(
    '%s carries no zod and no route declarations, only the generated browser checks',
    (name) => {
      const kept = outputs.get(name)!.keptInputs
      expect(
        kept.filter((input) =>
          /node_modules\/.*zod|protocol\/src\/kit\/(schema|routes|shapes)\/|kit-zod-schemas/.test(
            input,
          ),
        ),
      ).toEqual([])
      if (name === clientEntry) {
        // Sanity (the check can fail): the client does carry the generated checks.
        expect(kept.some((input) => input.endsWith('kit/browser-checks/generated.ts'))).toBe(true)
      }
    },
  )

  test('the OTP field entry pulls neither the QR encoder nor fingerprinting nor the client', () => {
    const inputs = outputs.get('./otp-field')!.inputs
    expect(
      inputs.filter((input) => /qrcode\.react|fingerprintjs|packages\/client\//.test(input)),
    ).toEqual([])
  })

  test.each(entries.map((entry) => entry.name))(
    '%s loads fingerprinting only lazily (a dynamic-import chunk)',
    (name) => {
      const built = outputs.get(name)!
      expect(built.eagerInputs.filter((input) => /fingerprintjs/.test(input))).toEqual([])
      if (built.inputs.some((input) => /packages\/client\//.test(input))) {
        // The client is in this entry, so the lazy fingerprint chunk must exist (test can fail).
        expect(built.inputs.some((input) => /fingerprintjs/.test(input))).toBe(true)
      }
    },
  )

  test.each(entries.map((entry) => entry.name))(
    '%s loads the QR encoder (qrcode.react) only lazily',
    (name) => {
      const built = outputs.get(name)!
      expect(built.eagerInputs.filter((input) => /qrcode\.react/.test(input))).toEqual([])
      if (built.eagerInputs.some((input) => /src\/parts\/qr-code\.tsx$/.test(input))) {
        // The entry shows QR codes, so the lazy encoder chunk must exist (the test can fail).
        expect(built.inputs.some((input) => /qrcode\.react/.test(input))).toBe(true)
      }
    },
  )

  test('the check can fail: a bundle that signs is detected', () => {
    const signing = 'await crypto.subtle.sign("HMAC", key, data)'
    expect(signing).toMatch(/subtle\s*\.\s*sign/)
  })
})
