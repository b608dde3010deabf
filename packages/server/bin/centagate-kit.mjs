#!/usr/bin/env node
// The `centagate-kit` CLI (`centagate-kit doctor`). Installed from the registry it runs the built
// JavaScript (dist/cli/cli.js through the `#cli` import) on plain Node. In this repository, where
// src/ exists (src/ is never shipped), it runs the TypeScript sources instead through
// ./register-source.mjs (tsx, a dev dependency, plus the `@centagate-kit/source` condition), so no
// build step is needed and a stale dist/ is never run.
import { existsSync } from 'node:fs'

if (existsSync(new URL('../src/cli/cli.ts', import.meta.url))) await import('./register-source.mjs')
const { main } = await import('#cli')
process.exitCode = await main(process.argv.slice(2))
