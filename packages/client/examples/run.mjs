#!/usr/bin/env node
// Runs an example straight from TypeScript sources on Node 20, no build step:
//   node packages/client/examples/run.mjs sms-step-up
// (the emulator's register-source: tsx plus the `@centagate-kit/source` condition).
import '@centagate-kit/emulator/register-source'

const name = process.argv[2] ?? 'sms-step-up'
if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`unknown example: ${name}`)
const example = await import(`./${name}.ts`)
// eslint-disable-next-line no-console -- an example prints its progress
await example.run((line) => console.log(line))
