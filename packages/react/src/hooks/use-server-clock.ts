import { useState } from 'react'
import { createServerClock, type ServerClock } from '@centagate-kit/client'
import { useOptionalKitClient } from '../provider/kit-client-context'

/** The provider client's server clock, or an uncorrected local one outside a provider. */
export function useServerClock(): ServerClock {
  const client = useOptionalKitClient()
  const [fallback] = useState(() => createServerClock())
  return client?.clock ?? fallback
}
