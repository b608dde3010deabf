import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query'
import { describe, expect, test } from 'vitest'
import { render } from 'vitest-browser-react'
import { createStoryBackend } from '@centagate-kit/testkit/story-backend'
import { CentagateProvider } from './centagate-provider'
import { useKitClient } from './kit-client-context'

function Probe({ onClient }: { onClient: (client: QueryClient) => void }) {
  onClient(useQueryClient())
  useKitClient()
  return <p>ok</p>
}

describe('CentagateProvider', () => {
  test("uses the app's own QueryClient from an ancestor QueryClientProvider", async () => {
    const backend = await createStoryBackend()
    const appClient = new QueryClient()
    let seen: QueryClient | undefined
    await render(
      <QueryClientProvider client={appClient}>
        <CentagateProvider client={backend.client}>
          <Probe onClient={(client) => (seen = client)} />
        </CentagateProvider>
      </QueryClientProvider>,
    )
    expect(seen).toBe(appClient)
  })

  test('uses a QueryClient passed as a prop, else makes one of its own', async () => {
    const backend = await createStoryBackend()
    const passed = new QueryClient()
    let first: QueryClient | undefined
    let second: QueryClient | undefined
    await render(
      <>
        <CentagateProvider client={backend.client} queryClient={passed}>
          <Probe onClient={(client) => (first = client)} />
        </CentagateProvider>
        <CentagateProvider client={backend.client}>
          <Probe onClient={(client) => (second = client)} />
        </CentagateProvider>
      </>,
    )
    expect(first).toBe(passed)
    expect(second).toBeInstanceOf(QueryClient)
    expect(second).not.toBe(passed)
    // Its own client never retries a mutation (a retried send would text twice).
    expect(second!.getDefaultOptions().mutations?.retry).toBe(false)
  })
})
