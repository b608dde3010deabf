import { centagateKit } from '@centagate-kit/server/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { centagateOptions } from './server/centagate'
import { demoEmulator } from './server/emulator'

// Workspace packages run from source (no build step), browser builds first.
const sourceCondition = '@centagate-kit/source'
const port = (fallback: number) => Number(process.env.PORT ?? fallback)

// The built-in CENTAGATE emulator, unless CENTAGATE_BASE_URL names a real one.
const emulator = await demoEmulator()

export default defineConfig({
  // The emulator (its control API for the device drawer), then the kit handler and the bank API,
  // in `vite dev` and in `vite preview`.
  plugins: [
    react(),
    ...(emulator ? [emulator] : []),
    centagateKit(centagateOptions({ emulator: emulator?.upstream() })),
  ],
  resolve: { conditions: [sourceCondition, 'browser', 'module', 'import', 'default'] },
  server: { host: '127.0.0.1', port: port(5173), strictPort: true, cors: false },
  preview: { host: '127.0.0.1', port: port(4173), strictPort: true, cors: false },
  build: { sourcemap: false, target: 'es2022' },
})
