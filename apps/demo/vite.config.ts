import { centagateKit } from '@centagate-kit/server/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { centagateOptions } from './server/centagate'

// Workspace packages run from source (no build step), browser builds first.
const sourceCondition = '@centagate-kit/source'
const port = (fallback: number) => Number(process.env.PORT ?? fallback)

export default defineConfig({
  // The kit handler (+ the emulator and the bank API) in `vite dev` and in `vite preview`.
  plugins: [react(), centagateKit(centagateOptions())],
  resolve: { conditions: [sourceCondition, 'browser', 'module', 'import', 'default'] },
  server: { host: '127.0.0.1', port: port(5173), strictPort: true, cors: false },
  preview: { host: '127.0.0.1', port: port(4173), strictPort: true, cors: false },
  build: { sourcemap: false, target: 'es2022' },
})
