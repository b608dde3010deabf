import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query'
import { useContext, useEffect, useState, type ReactNode } from 'react'
import type { KitClient } from '@centagate-kit/client'
import { I18nProvider } from '../i18n/i18n-provider'
import type { Messages } from '../messages/en'
import { KitClientContext } from './kit-client-context'

export interface CentagateProviderProps {
  /** The kit client (`createKitClient({ fetch })`); the app constructs it, tests inject one. */
  client: KitClient
  /**
   * The react-query client to use. @default the ancestor `QueryClientProvider`'s client, or a
   * private one created once (mutations never retried: a retried "send" would text twice).
   */
  queryClient?: QueryClient
  /** Catalogue and/or per-key overrides, merged over English. */
  messages?: Partial<Messages>
  /** BCP 47 locale for plurals and times. @default 'en' */
  locale?: string
  children?: ReactNode
}

/** Provides the kit client, react-query and messages to every hook and component below. */
export function CentagateProvider({
  client,
  queryClient,
  messages,
  locale,
  children,
}: CentagateProviderProps) {
  const ancestor = useContext(QueryClientContext)
  const [own] = useState(() =>
    queryClient || ancestor
      ? null
      : new QueryClient({
          defaultOptions: { mutations: { retry: false }, queries: { retry: false } },
        }),
  )
  // Device signals load on mount (a lazy chunk, bounded by a deadline), never on submit.
  useEffect(() => {
    client.deviceSignals.start()
  }, [client])

  const inner = (
    <KitClientContext value={client}>
      <I18nProvider locale={locale} messages={messages}>
        {children}
      </I18nProvider>
    </KitClientContext>
  )
  const chosen = queryClient ?? (ancestor ? null : own)
  return chosen ? <QueryClientProvider client={chosen}>{inner}</QueryClientProvider> : inner
}
