/**
 * The frame of every story: its parameters (direction, theme, locale, backend) and the providers
 * that wire a widget to its in-browser backend or to messages only.
 */
import { CentagateProvider, I18nProvider, en, type Messages } from '@centagate-kit/react'
import { id } from '@centagate-kit/react/messages/id'
import { ms } from '@centagate-kit/react/messages/ms'
import { zhCN } from '@centagate-kit/react/messages/zh-CN'
import type { ReactNode } from 'react'
import type { StoryBackend, StoryBackendOptions } from './story-backend/story-backend'

export type StoryLocale = 'en' | 'ms' | 'id' | 'zh-CN'

/** Story parameters read by the preview decorator and the helpers below. */
export interface FrameParameters {
  dir?: 'ltr' | 'rtl'
  theme?: 'light' | 'dark'
  locale?: StoryLocale
}

export interface KitStoryParameters {
  frame?: FrameParameters
  backend?: StoryBackendOptions
}

const catalogues: Record<StoryLocale, Messages> = { en, ms, id, 'zh-CN': zhCN }

export function messagesFor(locale: StoryLocale = 'en'): Messages {
  return catalogues[locale]
}

/** Wraps a story in the kit provider wired to its in-browser backend, in the story's locale. */
export function WithBackend({
  backend,
  locale = 'en',
  children,
}: {
  backend: StoryBackend
  locale?: StoryLocale | undefined
  children: ReactNode
}) {
  return (
    <CentagateProvider client={backend.client} locale={locale} messages={messagesFor(locale)}>
      {children}
    </CentagateProvider>
  )
}

/** Messages only (components that need no backend). */
export function WithLocale({
  locale = 'en',
  children,
}: {
  locale?: StoryLocale | undefined
  children: ReactNode
}) {
  return (
    <I18nProvider locale={locale} messages={messagesFor(locale)}>
      {children}
    </I18nProvider>
  )
}
