import { CentagateProvider, type Messages, loadMessages } from '@centagate-kit/react'
import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useEffect, useState } from 'react'
import { AppHeader } from './components/AppHeader'
import { DeviceDrawer } from './drawer/DeviceDrawer'
import { bankClient } from './lib/bank-client'
import { createDemoKitClient } from './lib/kit'
import { onScreen } from './lib/on-screen'
import { PreferencesProvider, usePreferences } from './lib/preferences'
import { navigate, useRoute } from './lib/router'
import { AccountsPage } from './pages/AccountsPage'
import { LoginPage } from './pages/LoginPage'
import { SettingsPage } from './pages/SettingsPage'
import { TransferPage } from './pages/TransferPage'

/** Providers: display preferences, react-query, and the kit (client + messages in the locale). */
export function App() {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { retry: false, refetchOnWindowFocus: false },
          mutations: { retry: false },
        },
      }),
  )
  return (
    <PreferencesProvider>
      <QueryClientProvider client={queryClient}>
        <KitProvider>
          <Shell />
        </KitProvider>
      </QueryClientProvider>
    </PreferencesProvider>
  )
}

function KitProvider({ children }: { children: ReactNode }) {
  const { locale } = usePreferences()
  const [client] = useState(createDemoKitClient)
  const [messages, setMessages] = useState<Messages | undefined>(undefined)
  useEffect(() => {
    let current = true
    void loadMessages(locale).then((loaded) => current && setMessages(loaded))
    return () => {
      current = false
    }
  }, [locale])
  return (
    <CentagateProvider client={client} locale={locale} {...(messages ? { messages } : {})}>
      {children}
    </CentagateProvider>
  )
}

function Shell() {
  const { t } = usePreferences()
  const queryClient = useQueryClient()
  const route = useRoute()
  const config = useQuery({ queryKey: ['config'], queryFn: bankClient.config })
  const session = useQuery({ queryKey: ['session'], queryFn: bankClient.session })
  const [drawerOpen, setDrawerOpen] = useState(true)
  const username = session.data?.user?.username ?? null

  useEffect(() => {
    if (username) onScreen.set({ username })
  }, [username])

  // Logged-out users see the login page; logged-in users never do.
  useEffect(() => {
    if (!session.isSuccess) return
    if (!username && route !== '/') navigate('/')
    if (username && route === '/') navigate('/accounts')
  }, [session.isSuccess, username, route])

  const logout = async () => {
    await bankClient.logout()
    queryClient.clear()
    navigate('/')
    await queryClient.invalidateQueries({ queryKey: ['session'] })
  }

  const emulator = config.data?.emulator === true
  let page: ReactNode = null
  if (session.isSuccess) {
    if (!username) page = <LoginPage />
    else if (route === '/transfer') page = <TransferPage />
    else if (route === '/settings') page = <SettingsPage />
    else page = <AccountsPage />
  }

  return (
    <>
      <a href="#main" className="demo-skip-link">
        {t('skip.main')}
      </a>
      <AppHeader
        username={username}
        onLogout={() => void logout()}
        {...(emulator
          ? { drawer: { open: drawerOpen, toggle: () => setDrawerOpen((open) => !open) } }
          : {})}
      />
      <div className="demo-layout">
        <main id="main" className="demo-main" tabIndex={-1}>
          {page}
        </main>
        {emulator && <DeviceDrawer open={drawerOpen} />}
      </div>
    </>
  )
}
