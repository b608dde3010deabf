/**
 * The Theming page's tables, read from the shipped stylesheet: every `--ck-*` token with its
 * default, its dark value and what it paints, then what each ready theme changes. Nothing here is
 * typed twice: a token added to styles.css shows up on the page.
 */
import type { CSSProperties } from 'react'
import css from '@centagate-kit/react/styles.css?raw'
import { cssThemes, cssTokens } from '@centagate-kit/testkit/css-tokens'

const tokens = cssTokens(css)
const themes = cssThemes(css)

const isColour = (value: string) => /^(#|rgb|hsl)/.test(value)

const swatch: CSSProperties = {
  display: 'inline-block',
  inlineSize: '1em',
  blockSize: '1em',
  marginInlineEnd: '0.4em',
  verticalAlign: '-0.15em',
  border: '1px solid #8a919c',
  borderRadius: 3,
}

function Value({ value }: { value: string | undefined }) {
  if (value === undefined) return <span aria-label="unchanged">–</span>
  return (
    <>
      {isColour(value) ? (
        <span style={{ ...swatch, background: value }} aria-hidden="true" />
      ) : null}
      <code>{value}</code>
    </>
  )
}

/** Every token: default (light), dark, what it paints. */
export function TokenTable() {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Token</th>
          <th scope="col">Default (light)</th>
          <th scope="col">Dark</th>
          <th scope="col">What it paints</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.name}>
            <th scope="row">
              <code>{token.name}</code>
            </th>
            <td>
              <Value value={token.value} />
            </td>
            <td>
              <Value value={token.dark} />
            </td>
            <td>{token.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** What each ready theme sets, light and dark. */
export function ThemeTable() {
  const changed = tokens.filter((token) => Object.keys(token.themes).length > 0)
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Token</th>
          {themes.map((theme) => (
            <th scope="col" key={theme}>
              <code>data-ck-theme=&quot;{theme}&quot;</code> light / dark
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {changed.map((token) => (
          <tr key={token.name}>
            <th scope="row">
              <code>{token.name}</code>
            </th>
            {themes.map((theme) => (
              <td key={theme}>
                <Value value={token.themes[theme]?.light} /> /{' '}
                <Value value={token.themes[theme]?.dark ?? token.themes[theme]?.light} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
