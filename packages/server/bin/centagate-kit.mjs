#!/usr/bin/env node
// The `centagate-kit` CLI (`centagate-kit doctor`). Installed from the registry it runs the built
// JavaScript (dist/cli/cli.js through the `#cli` import) on plain Node. In this repository before
// a build (src/ there, dist/ not), it runs the TypeScript sources instead through
// ./register-source.mjs (tsx, a dev dependency, plus the `@centagate-kit/source` condition).
import { existsSync } from 'node:fs'

const fromSource =
  existsSync(new URL('../src/cli/cli.ts', import.meta.url)) &&
  !existsSync(new URL('../dist/cli/cli.js', import.meta.url))
if (fromSource) await import('./register-source.mjs')
const { main } = await import('#cli')
process.exitCode = await main(process.argv.slice(2))
