/** Storybook loaders and play-function waits shared by the widgets' stories. */
import { createStoryBackend, type StoryBackend } from './story-backend/story-backend'
import type { KitStoryParameters } from './story-frame'

/** Storybook loader: a fresh real server + emulator per story, from `parameters.backend`. */
export async function backendLoader(context: {
  parameters: KitStoryParameters
}): Promise<{ backend: StoryBackend }> {
  return { backend: await createStoryBackend(context.parameters.backend ?? {}) }
}

/** The backend a loader made, from a story context. */
export function backendOf(context: { loaded: Record<string, unknown> }): StoryBackend {
  const backend = context.loaded.backend as StoryBackend | undefined
  if (!backend) throw new Error('story has no backend loader')
  return backend
}

/** Resolves when the widget's root part reaches `state` (`data-state`). */
export async function untilState(
  canvasElement: HTMLElement,
  scope: string,
  state: string,
  timeoutMs = 4000,
): Promise<HTMLElement> {
  const started = Date.now()
  for (;;) {
    const root = canvasElement.querySelector<HTMLElement>(
      `[data-scope="${scope}"][data-part="root"]`,
    )
    if (root?.getAttribute('data-state') === state) return root
    if (Date.now() - started > timeoutMs) {
      throw new Error(
        `${scope} never reached "${state}" (is "${root?.getAttribute('data-state') ?? 'absent'}")`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** The first element matching `selector`, waiting for it to appear. */
export async function untilElement<T extends Element = HTMLElement>(
  canvasElement: HTMLElement,
  selector: string,
  timeoutMs = 4000,
): Promise<T> {
  const started = Date.now()
  for (;;) {
    const element = canvasElement.querySelector<T>(selector)
    if (element) return element
    if (Date.now() - started > timeoutMs) throw new Error(`no element ${selector}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
