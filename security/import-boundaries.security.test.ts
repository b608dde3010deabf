// Threat: a browser bundle that carries HMAC code or server code could leak the signing logic or,
// worse, invite someone to put the CENTAGATE secret in the browser. The lint rule forbids client
// and react sources to import @centagate-kit/protocol/signing, @centagate-kit/server or zod (they
// use the browser checks generated from the route declarations); this test proves the rule fires
// (and does not fire where imports are legitimate).
// Threat: a server that depends on the emulator could ship a fake CENTAGATE (and its fixture
// admin password) into production, or fall back to it when the real one is misconfigured. The lint
// rule forbids any file of packages/server (code, tests, tooling) to import the emulator,
// statically or with import().
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const eslint = new ESLint({ cwd: root })

async function restrictedImportErrors(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) })
  return (result?.messages ?? []).filter(
    (message) =>
      message.ruleId === 'no-restricted-imports' ||
      (message.ruleId === 'no-restricted-syntax' && /emulator/.test(message.message)),
  )
}

describe('import boundaries', () => {
  it.each([
    [
      'packages/client/src/probe.ts',
      "import { createHmacSigner } from '@centagate-kit/protocol/signing'\nexport { createHmacSigner }\n",
    ],
    [
      'packages/react/src/probe.tsx',
      "import { createCentagateHandler } from '@centagate-kit/server'\nexport { createCentagateHandler }\n",
    ],
    [
      'packages/react/src/probe.tsx',
      "import { toNodeHandler } from '@centagate-kit/server/node'\nexport { toNodeHandler }\n",
    ],
    [
      'packages/client/src/probe.ts',
      "import { createEmulator } from '@centagate-kit/emulator'\nexport { createEmulator }\n",
    ],
    [
      'packages/client/src/probe.ts',
      "import { createHmac } from 'node:crypto'\nexport { createHmac }\n",
    ],
    ['packages/client/src/probe.ts', "import * as z from 'zod/mini'\nexport { z }\n"],
    ['packages/react/src/probe.tsx', "import { z } from 'zod'\nexport { z }\n"],
  ])('%s may not import forbidden modules', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).toHaveLength(1)
  })

  it('allows the server and the emulator to sign', async () => {
    const code =
      "import { createHmacSigner } from '@centagate-kit/protocol/signing'\nexport { createHmacSigner }\n"
    expect(await restrictedImportErrors('packages/server/src/probe.ts', code)).toHaveLength(0)
    expect(await restrictedImportErrors('packages/emulator/src/probe.ts', code)).toHaveLength(0)
  })

  it('allows browser packages the protocol root entry', async () => {
    const code = "import { kitRouteList } from '@centagate-kit/protocol'\nexport { kitRouteList }\n"
    expect(await restrictedImportErrors('packages/react/src/probe.ts', code)).toHaveLength(0)
  })

  it('forbids the emulator to import the server', async () => {
    const code =
      "import { createCentagateHandler } from '@centagate-kit/server'\nexport { createCentagateHandler }\n"
    expect(await restrictedImportErrors('packages/emulator/src/probe.ts', code)).toHaveLength(1)
  })

  it.each([
    [
      'packages/server/src/adapters/vite.ts',
      "import { createEmulator } from '@centagate-kit/emulator'",
    ],
    ['packages/server/src/probe.ts', "import type { Emulator } from '@centagate-kit/emulator'"],
    [
      'packages/server/src/probe.ts',
      "import { centagateEmulator } from '@centagate-kit/emulator/vite'",
    ],
    [
      'packages/server/test/probe.test.ts',
      "import { startEmulatorServer } from '@centagate-kit/emulator/node'",
    ],
    [
      'packages/server/src/adapters/vite.ts',
      "export const load = () => import('@centagate-kit/emulator')",
    ],
    [
      'packages/server/bench/probe.ts',
      "export const load = () => import('@centagate-kit/emulator/node')",
    ],
    [
      'packages/server/src/handler/probe.test.ts',
      "import { createTestApp } from '@centagate-kit/testkit/test-app'",
    ],
  ])('%s may not import the emulator (%s)', async (file, code) => {
    expect(await restrictedImportErrors(file, `${code}\nexport {}\n`)).toHaveLength(1)
  })

  it('allows server tests in packages/server/test the testkit harness that runs the emulator', async () => {
    const code =
      "import { createTestApp } from '@centagate-kit/testkit/test-app'\nexport { createTestApp }\n"
    expect(await restrictedImportErrors('packages/server/test/probe.test.ts', code)).toHaveLength(0)
  })

  it('allows the emulator where a CENTAGATE is wired in: its own package, the testkit, the demo', async () => {
    const code =
      "import { centagateEmulator } from '@centagate-kit/emulator/vite'\nexport { centagateEmulator }\n"
    for (const file of [
      'packages/emulator/src/probe.ts',
      'packages/testkit/src/probe.ts',
      'apps/demo/vite.config.ts',
    ]) {
      expect(await restrictedImportErrors(file, code)).toHaveLength(0)
    }
  })
})
