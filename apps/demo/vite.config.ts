import { defineConfig } from 'vite'
import { demoPlugins } from './server/plugins'

// Workspace packages run from source (no build step), browser builds first.
const sourceCondition = '@centagate-kit/source'
const port = (fallback: number) => Number(process.env.PORT ?? fallback)

export default defineConfig({
  // React, the built-in emulator (unless CENTAGATE_BASE_URL names a real CENTAGATE), then the kit
  // handler and the bank API, in `vite dev` and in `vite preview` (server/plugins.ts).
  plugins: await demoPlugins(),
  resolve: { conditions: [sourceCondition, 'browser', 'module', 'import', 'default'] },
  server: { host: '127.0.0.1', port: port(5173), strictPort: true, cors: false },
  preview: { host: '127.0.0.1', port: port(4173), strictPort: true, cors: false },
  build: { sourcemap: false, target: 'es2022' },
})
