import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The built page is served by `vite preview`; /api goes to the app's own server (the node-server
// consumer), so the browser sees one origin, as in production behind a reverse proxy.
const apiTarget = process.env.KIT_SERVER_URL ?? 'http://127.0.0.1:3000'

export default defineConfig({
  plugins: [react()],
  preview: { host: '127.0.0.1', proxy: { '/api': { target: apiTarget } } },
})
