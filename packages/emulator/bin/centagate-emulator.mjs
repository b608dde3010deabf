#!/usr/bin/env node
// The `centagate-emulator` CLI. Installed from the registry it runs the built JavaScript
// (dist/cli.js through the `#cli` import) on plain Node. In this repository, where src/ exists
// (src/ is never shipped), it runs the TypeScript sources instead through register-source (tsx,
// a dev dependency, plus the `@centagate-kit/source` condition), so no build step is needed.
import { existsSync } from 'node:fs'

if (existsSync(new URL('../src/cli.ts', import.meta.url))) await import('./register-source.mjs')
const { main } = await import('#cli')
await main(process.argv.slice(2))
