/**
 * Maps request paths to catalogue endpoints: each endpoint's own path, its alias spellings and its
 * legacy or variant paths (API.md 1.1; the `/v2` admin paths of the GH Postman snippets, 5.7).
 * Both QR spellings route to the same candidates; the body decides.
 */
import {
  type BasePathId,
  type EndpointDefinition,
  type EndpointName,
  basePaths,
  endpointList,
} from '@centagate-kit/protocol'

export interface RouteMatch {
  /** Endpoints answering on this path (two for the QR spellings). */
  readonly candidates: readonly EndpointDefinition<EndpointName>[]
  readonly pathParams: Readonly<Record<string, string>>
  /** Base + path template, safe to log (no values). */
  readonly template: string
}

interface Route {
  readonly endpoint: EndpointDefinition<EndpointName>
  readonly pattern: RegExp
  readonly names: readonly string[]
  readonly template: string
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function compile(
  endpoint: EndpointDefinition<EndpointName>,
  base: BasePathId,
  path: string,
): Route {
  const names: string[] = []
  const source = path
    .split(/(\{\w+\})/)
    .map((part) => {
      const param = /^\{(\w+)\}$/.exec(part)
      if (param?.[1]) {
        names.push(param[1])
        return '([^/]+)'
      }
      return escape(part)
    })
    .join('')
  const template = `${basePaths[base]}/${path}`
  return {
    endpoint,
    pattern: new RegExp(`^${escape(basePaths[base])}/${source}/?$`),
    names,
    template,
  }
}

const routes: readonly Route[] = endpointList.flatMap((endpoint) => [
  compile(endpoint, endpoint.base, endpoint.path),
  ...endpoint.aliasPaths.map((path) => compile(endpoint, endpoint.base, path)),
  ...endpoint.legacyPaths.map((legacy) => compile(endpoint, legacy.base, legacy.path)),
])

/** The endpoints answering on `pathname`, or `null` (HTTP 404). */
export function matchRoute(pathname: string): RouteMatch | null {
  const candidates: EndpointDefinition<EndpointName>[] = []
  let pathParams: Record<string, string> = {}
  let template = ''
  for (const route of routes) {
    const match = route.pattern.exec(pathname)
    if (!match) continue
    if (candidates.includes(route.endpoint)) continue
    candidates.push(route.endpoint)
    if (template === '') {
      template = route.template
      pathParams = {}
      route.names.forEach((name, index) => {
        const raw = match[index + 1] ?? ''
        try {
          pathParams[name] = decodeURIComponent(raw)
        } catch {
          pathParams[name] = raw
        }
      })
    }
  }
  return candidates.length > 0 ? { candidates, pathParams, template } : null
}
