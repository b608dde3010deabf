// Developing against the emulator, as the server and emulator READMEs show: the emulator's Vite
// plugin runs it in the dev server's process (control API under /__emulator/*) and the kit's
// plugin serves /api/centagate/* with the emulator's `upstream()` as its CENTAGATE. No CENTAGATE_*
// variables, no second process.
import { centagateEmulator } from '@centagate-kit/emulator/vite'
import { centagateKit } from '@centagate-kit/server/vite'
import { defineConfig } from 'vite'

const emulator = centagateEmulator()

export default defineConfig({
  server: { host: '127.0.0.1' },
  plugins: [
    emulator,
    centagateKit({
      ...emulator.upstream(),
      onAuthenticated: ({ flow, username, headers }) => {
        if (flow === 'login') {
          headers.append('set-cookie', `app-session=${username}; Path=/; HttpOnly; SameSite=Lax`)
        }
      },
    }),
  ],
})
