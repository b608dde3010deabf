/**
 * The frame of every story: its parameters (direction, theme, locale, backend) and the providers
 * that wire a widget to its in-browser backend or to messages only.
 */
import { CentagateProvider, I18nProvider, en, type Messages } from '@centagate-kit/react'
import { id } from '@centagate-kit/react/messages/id'
import { ms } from '@centagate-kit/react/messages/ms'
import { zhCN } from '@centagate-kit/react/messages/zh-CN'
import { createContext, createElement, useContext, type ComponentType, type ReactNode } from 'react'
import type { StoryBackend, StoryBackendOptions } from './story-backend/story-backend'
import { backendOf } from './story-helpers'

export type StoryLocale = 'en' | 'ms' | 'id' | 'zh-CN'
/** The ready themes of styles.css (`data-ck-theme`); `default` sets no attribute. */
export type StoryKitTheme = 'default' | 'bank' | 'contrast'

/**
 * The page around a story: read by the preview decorator and the helpers below. A story's
 * `parameters.frame` wins over the Storybook toolbar (globals `ckDir`, `ckScheme`, `ckTheme`,
 * `ckLocale`), which wins over the defaults (ltr, light, default, en).
 */
export interface FrameParameters {
  dir?: 'ltr' | 'rtl'
  /** The colour scheme (`data-theme`). */
  theme?: 'light' | 'dark'
  /** The kit theme (`data-ck-theme`). */
  ckTheme?: StoryKitTheme
  locale?: StoryLocale
}

export interface KitStoryParameters {
  frame?: FrameParameters
  backend?: StoryBackendOptions
}

const catalogues: Record<StoryLocale, Messages> = { en, ms, id, 'zh-CN': zhCN }

/** The frame a story renders in: its parameters over the toolbar's globals over the defaults. */
export function frameOf(context: {
  parameters: unknown
  globals?: Record<string, unknown>
}): Required<FrameParameters> {
  const given = (context.parameters as KitStoryParameters).frame ?? {}
  const globals = (context.globals ?? {}) as {
    ckDir?: FrameParameters['dir']
    ckScheme?: FrameParameters['theme']
    ckTheme?: FrameParameters['ckTheme']
    ckLocale?: FrameParameters['locale']
  }
  return {
    dir: given.dir ?? globals.ckDir ?? 'ltr',
    theme: given.theme ?? globals.ckScheme ?? 'light',
    ckTheme: given.ckTheme ?? globals.ckTheme ?? 'default',
    locale: given.locale ?? globals.ckLocale ?? 'en',
  }
}

/** The current story's frame, provided by the preview decorator (defaults outside Storybook). */
export const StoryFrameContext = createContext<Required<FrameParameters>>({
  dir: 'ltr',
  theme: 'light',
  ckTheme: 'default',
  locale: 'en',
})

export function messagesFor(locale: StoryLocale = 'en'): Messages {
  return catalogues[locale]
}

/** Wraps a story in the kit provider wired to its in-browser backend, in the story's locale. */
export function WithBackend({
  backend,
  locale: given,
  children,
}: {
  backend: StoryBackend
  /** @default the frame's locale */
  locale?: StoryLocale | undefined
  children: ReactNode
}) {
  const frame = useContext(StoryFrameContext)
  const locale = given ?? frame.locale
  return (
    <CentagateProvider client={backend.client} locale={locale} messages={messagesFor(locale)}>
      {children}
    </CentagateProvider>
  )
}

/** Messages only (components that need no backend). */
export function WithLocale({
  locale: given,
  children,
}: {
  /** @default the frame's locale */
  locale?: StoryLocale | undefined
  children: ReactNode
}) {
  const frame = useContext(StoryFrameContext)
  const locale = given ?? frame.locale
  return (
    <I18nProvider locale={locale} messages={messagesFor(locale)}>
      {children}
    </I18nProvider>
  )
}

/**
 * The `render` of a widget's stories: `Component` with the story's args, wired to the story's
 * in-browser backend (its `backendLoader`) in the story's locale.
 */
export function renderInBackend<P extends object>(Component: ComponentType<P>) {
  return (args: P, context: { loaded: Record<string, unknown>; parameters: unknown }) => (
    <WithBackend
      backend={backendOf(context)}
      locale={(context.parameters as KitStoryParameters).frame?.locale}
    >
      {createElement(Component, args)}
    </WithBackend>
  )
}
