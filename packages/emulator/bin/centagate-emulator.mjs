#!/usr/bin/env node
// Runs the emulator CLI straight from its TypeScript sources on Node 20, with no build step
// (see register-source.mjs).
import './register-source.mjs'

const { main } = await import('../src/cli.ts')
await main(process.argv.slice(2))
