/**
 * The demo's Vite plugins, in order: React, the built-in CENTAGATE emulator (its control API for
 * the device drawer) unless CENTAGATE_BASE_URL names a real one, then the kit handler with the
 * bank API. `vite.config.ts` uses them, and so does the dev-server security test (the same server
 * the developer runs, on a free port).
 */
import { centagateKit } from '@centagate-kit/server/vite'
import react from '@vitejs/plugin-react'
import type { PluginOption } from 'vite'
import { centagateOptions } from './centagate'
import { demoEmulator } from './emulator'

type Env = Readonly<Record<string, string | undefined>>

export async function demoPlugins(env: Env = process.env): Promise<PluginOption[]> {
  const emulator = await demoEmulator(env)
  return [
    react(),
    ...(emulator ? [emulator] : []),
    centagateKit(centagateOptions({ env, emulator: emulator?.upstream() })),
  ]
}
