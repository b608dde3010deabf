/**
 * Writes the browser's checks of the kit contract (`src/kit/browser-checks/generated.ts`) from the
 * declarations: every request and response shape of `kitRouteDeclarations`, the error body and
 * the one-time-code format, as calls of the dependency-free combinators. Browsers then carry
 * neither zod nor the descriptors nor an interpreter of them, only checks as small as hand-written
 * ones, and no rule is written twice. `browser-checks.test.ts` fails while the file is stale.
 */
import { readdirSync } from 'node:fs'
import { format, resolveConfig } from 'prettier'
import { kitErrorCodes } from '../src/kit/kit-error-codes'
import { kitMethods } from '../src/kit/methods'
import { otpCode } from '../src/kit/otp-code'
import { kitRouteDeclarations } from '../src/kit/routes/kit-routes'
import type { ObjectSchema, Schema } from '../src/kit/schema/descriptors'
import { kitErrorBodyShape } from '../src/kit/shapes/error-body'

export const generatedFile = new URL('../src/kit/browser-checks/generated.ts', import.meta.url)

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && 'kind' in value

/** Where shapes are declared: they keep their declared names in the generated code. */
const declaringModules = [
  new URL('../src/kit/otp-code.ts', import.meta.url),
  ...['shapes', 'routes'].flatMap((folder) => {
    const directory = new URL(`../src/kit/${folder}/`, import.meta.url)
    return readdirSync(directory)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .sort()
      .map((file) => new URL(file, directory))
  }),
]

/** Declared shapes and patterns (a pattern shared by several texts is written once). */
type Declared = Schema | RegExp

async function declaredNames(): Promise<Map<Declared, string>> {
  const names = new Map<Declared, string>()
  for (const url of declaringModules) {
    const module = (await import(url.href)) as Record<string, unknown>
    for (const [name, value] of Object.entries(module)) {
      if ((isSchema(value) || value instanceof RegExp) && !names.has(value)) names.set(value, name)
    }
  }
  return names
}

/** Lists imported where the generated code would otherwise repeat them. */
const knownLists: ReadonlyArray<{ name: string; from: string; values: readonly string[] }> = [
  { name: 'kitErrorCodes', from: '../kit-error-codes', values: kitErrorCodes },
  { name: 'kitMethods', from: '../methods', values: kitMethods },
]

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/
const key = (name: string) => (identifier.test(name) ? name : JSON.stringify(name))
const pure = (call: string) => `/* @__PURE__ */ ${call}`
const bound = (limit: number) => (limit === Infinity ? 'Infinity' : String(limit))

function normalizersOf(schema: Schema): 0 | 1 | 2 | 3 {
  return schema.kind === 'text' ? (((schema.trim ? 1 : 0) | (schema.upperCase ? 2 : 0)) as 0) : 0
}

/** The source of the generated module; `names` are the shapes' declared names. */
export function emitBrowserChecks(names: ReadonlyMap<Declared, string>): string {
  const requestOptions = (route: (typeof kitRouteDeclarations)[number]): readonly ObjectSchema[] =>
    route.request.kind === 'union' ? route.request.options : [route.request]

  const combinators = new Set<string>()
  const imports = new Map<string, string>()
  const constants: string[] = []
  const emitted = new Map<Declared, string>()

  /** A pattern's source; a declared one becomes a constant of its name, once. */
  function pattern(regExp: RegExp): string {
    const done = emitted.get(regExp)
    if (done !== undefined) return done
    const name = names.get(regExp)
    if (name === undefined) return String(regExp)
    constants.push(`const ${name} = ${String(regExp)}`)
    emitted.set(regExp, name)
    return name
  }

  /** The check expression of `schema`; a declared shape becomes a constant of its name, once. */
  function check(schema: Schema, nested = true): string {
    const done = emitted.get(schema)
    if (done !== undefined) return done
    if (nested && normalizersOf(schema) !== 0) {
      throw new Error('browser checks normalise top-level request fields only')
    }
    const code = build(schema)
    const name = names.get(schema)
    if (name !== undefined) {
      constants.push(`const ${name} = ${code}`)
      emitted.set(schema, name)
      return name
    }
    return code
  }

  function use(combinator: string, args: string): string {
    combinators.add(combinator)
    return pure(`${combinator}(${args})`)
  }

  function build(schema: Schema): string {
    switch (schema.kind) {
      case 'text': {
        const args = [String(schema.min), bound(schema.max)]
        if (schema.pattern !== undefined) args.push(pattern(schema.pattern))
        const plain = use('text', args.join(', '))
        const normalizers = normalizersOf(schema)
        return normalizers === 0 ? plain : use('normalized', `${normalizers}, ${plain}`)
      }
      case 'int':
        return use('int', String(schema.min))
      case 'enum': {
        const known = knownLists.find(
          (list) => JSON.stringify(list.values) === JSON.stringify(schema.values),
        )
        if (known === undefined) return use('oneOf', JSON.stringify(schema.values))
        imports.set(known.name, known.from)
        return use('oneOf', known.name)
      }
      case 'optional':
        return use('optional', check(schema.inner))
      case 'array':
        return use('array', `${check(schema.item)}, ${schema.min}, ${bound(schema.max)}`)
      case 'object':
        return use('object', fields(schema, true))
      case 'union':
        return use('anyOf', schema.options.map((option) => check(option)).join(', '))
      case 'record':
        combinators.add('isRecord')
        return 'isRecord'
    }
  }

  function fields(schema: ObjectSchema, nested: boolean): string {
    const entries = Object.entries(schema.shape).map(([name, field]) => {
      const code = check(field, nested)
      return code === name ? name : `${key(name)}: ${code}`
    })
    return `{ ${entries.join(', ')} }`
  }

  const otpCodeCheck = check(otpCode)
  const errorBodyCheck = check(kitErrorBodyShape)
  const routes = kitRouteDeclarations.map((route) => {
    const options = requestOptions(route)
    const normalize: Record<string, number> = {}
    for (const option of options) {
      for (const [name, field] of Object.entries(option.shape)) {
        const normalizers = normalizersOf(field)
        if (normalizers === 0) continue
        if ((normalize[name] ?? normalizers) !== normalizers) {
          throw new Error(`${route.path}: options normalise ${name} differently`)
        }
        normalize[name] = normalizers
      }
    }
    const codeFields = [
      ...new Set(
        options.flatMap((option) =>
          Object.entries(option.shape)
            .filter(([, field]) => field === otpCode)
            .map(([name]) => name),
        ),
      ),
    ]
    const members = [
      `path: ${JSON.stringify(route.path)}`,
      `clientMethod: ${JSON.stringify(route.clientMethod)}`,
      `takesInput: ${options.some((option) => Object.keys(option.shape).some((name) => name !== 'device'))}`,
      `codeFields: ${JSON.stringify(codeFields)}`,
      `retryAfter: ${'retryAfter' in route}`,
      `request: [${options.map((option) => fields(option, false)).join(', ')}]`,
      ...(route.request.kind === 'union' ? [`key: ${JSON.stringify(route.request.key)}`] : []),
      ...(Object.keys(normalize).length > 0 ? [`normalize: ${JSON.stringify(normalize)}`] : []),
      `response: ${check(route.response)}`,
    ]
    return `{ ${members.join(', ')} }`
  })

  return [
    '// Generated from the kit route declarations by packages/protocol/scripts/browser-checks.ts:',
    '// do not edit. `pnpm --filter @centagate-kit/protocol generate` rewrites it; the test next to',
    '// it fails while it is stale. Every call is marked pure so that a bundle keeps only the checks',
    '// it uses (the step-up interceptor needs only the error body).',
    "import type { KitErrorBody } from '../shapes/error-body'",
    "import type { KitRouteCheck } from './check-request'",
    `import { ${[...combinators].sort().join(', ')} } from './combinators'`,
    ...[...imports].map(([name, from]) => `import { ${name} } from '${from}'`),
    '',
    ...constants,
    '',
    '/** Whether `code` (already normalised) has the format of a one-time code. */',
    `export const isValidOtpCode: (code: string) => boolean = ${otpCodeCheck}`,
    '',
    '/** Whether `body` is a kit error body. */',
    // A combinator only says "boolean"; the test next to the generated file proves this one agrees
    // with zod on the error body, which is what the type claims.
    `export const isKitErrorBody = ${errorBodyCheck} as (body: unknown) => body is KitErrorBody`,
    '',
    '/** Every kit route as the browser checks it, in the order of `kitRouteDeclarations`. */',
    `export const kitRouteChecks: readonly KitRouteCheck[] = [${routes.join(', ')}]`,
    '',
  ].join('\n')
}

/** The generated module, formatted like the rest of the code. */
export async function renderBrowserChecks(): Promise<string> {
  const options = await resolveConfig(generatedFile)
  return format(emitBrowserChecks(await declaredNames()), { ...options, parser: 'typescript' })
}
