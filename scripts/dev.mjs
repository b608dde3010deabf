// `pnpm dev`: the demo bank against the built-in emulator when the demo exists; until then the
// emulator alone, so the command always does something real.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'

const forward = (child) => {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code) => process.exit(code ?? 0))
}

if (existsSync('apps/demo/package.json')) {
  forward(spawn('pnpm', ['--filter', 'demo', 'dev'], { stdio: 'inherit' }))
} else if (existsSync('packages/emulator/bin/centagate-emulator.mjs')) {
  console.log('dev: the demo app is not built yet; starting the CENTAGATE emulator on its own.')
  const port = process.env.PORT ?? '5173'
  forward(
    spawn('pnpm', ['exec', 'centagate-emulator', '--host', '127.0.0.1', '--port', port], {
      stdio: 'inherit',
    }),
  )
} else {
  console.log(
    'dev: nothing to run yet (no demo, no emulator). Run `pnpm test` to check the packages.',
  )
}
