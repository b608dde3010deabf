/**
 * How the ms / id / zh-CN texts are written (messages/texts/*): one text per English message, in
 * the order of the English pairs, each typed with the key it translates:
 * `'取消' as Translation<'common.cancel'>`. The compiler checks every text's key against the
 * English pair at its position, so a missing, extra or misplaced text fails typecheck naming the
 * key expected there. The keys exist only in the types: a lazy locale chunk holds its texts alone
 * and `catalogueOf` pairs them with the keys of the English catalogue, already loaded.
 */
import { englishMessages, type MessageKey, type Messages } from './en'

declare const translates: unique symbol
/** A text translating the message `Key` (the key is in the type only, not in the output). */
export type Translation<Key extends MessageKey> = string & { readonly [translates]: Key }

/** One {@link Translation} per `[key, text]` pair of `Pairs`, in the same order. */
type TranslationsOf<Pairs extends readonly (readonly [MessageKey, string])[]> = {
  readonly [Index in keyof Pairs]: Pairs[Index] extends readonly [
    infer Key extends MessageKey,
    string,
  ]
    ? Translation<Key>
    : never
}

/** A locale's texts: one per English message, in the English order. */
export type Translations = TranslationsOf<typeof englishMessages>

/** The complete catalogue of a locale's {@link Translations}. */
export function catalogueOf(texts: Translations): Messages {
  // Plain strings by position: the type above has already matched every position to its key.
  const byPosition: readonly string[] = texts
  return Object.fromEntries(
    englishMessages.map(([key], index) => [key, byPosition[index]]),
  ) as Messages
}
