import { createContext, useContext } from 'react'
import type { KitClient } from '@centagate-kit/client'

export const KitClientContext = createContext<KitClient | null>(null)

/** The `KitClient` given to the nearest `<CentagateProvider>`. */
export function useKitClient(): KitClient {
  const client = useContext(KitClientContext)
  if (!client) throw new Error('useKitClient: wrap your app in <CentagateProvider client={…}>.')
  return client
}

/** Like {@link useKitClient}, `null` outside a provider (for presentational parts). */
export function useOptionalKitClient(): KitClient | null {
  return useContext(KitClientContext)
}
