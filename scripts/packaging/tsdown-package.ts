/**
 * The one build of every publishable package (`pnpm build` runs `tsdown` in each; each package's
 * tsdown.config.ts is `export default packageBuild()`).
 *
 * - Entries are what the package's manifest already names: every target of an
 *   `@centagate-kit/source` condition in `exports` and `imports` (TypeScript modules are built,
 *   stylesheets copied). Nothing else is listed here, so the manifest says it once.
 * - Unbundled ESM (one output module per source module, `src/` mirrored in `dist/`), so an app's
 *   bundler keeps only the modules it imports: the browser never gets the server-only payload
 *   schemas that share the protocol package with the browser contract.
 * - Declarations next to each module, with `.js` in every relative import, so they resolve under
 *   `moduleResolution` NodeNext, node16 and bundler alike.
 * - `#` imports (server's `#server-crypto`) stay imports: dist picks their target by condition at
 *   run time (node -> node:crypto, default -> Web Crypto), exactly as the source does.
 * - Dependencies and peers stay external (tsdown's default from package.json); a devDependency
 *   reached from library code fails the build instead of being bundled.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { defineConfig, type UserConfig } from 'tsdown'

const sourceCondition = '@centagate-kit/source'

type Target = string | { [condition: string]: Target } | null

/** Every file a `@centagate-kit/source` condition points at, anywhere in an exports/imports map. */
function sourceTargets(map: Record<string, Target> | undefined): string[] {
  const found: string[] = []
  const collect = (target: Target, underSource: boolean) => {
    if (target === null) return
    if (typeof target === 'string') {
      if (underSource) found.push(target)
      return
    }
    for (const [condition, inner] of Object.entries(target))
      collect(inner, underSource || condition === sourceCondition)
  }
  for (const target of Object.values(map ?? {})) collect(target, false)
  return found
}

export function packageBuild(): UserConfig {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
    exports?: Record<string, Target>
    imports?: Record<string, Target>
  }
  const targets = [...new Set([...sourceTargets(pkg.exports), ...sourceTargets(pkg.imports)])]
  const modules = targets.filter((file) => /\.tsx?$/.test(file) && file.startsWith('./src/'))
  const stylesheets = targets.filter((file) => file.endsWith('.css'))
  return defineConfig({
    entry: modules,
    root: 'src',
    outDir: 'dist',
    unbundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    fixedExtension: false,
    hash: false,
    clean: true,
    dts: true,
    tsconfig: 'tsconfig.json',
    // Node built-ins, `#` imports, dependencies and peers stay imports.
    deps: { neverBundle: [/^#/, /^node:/], onlyBundle: [] },
    failOnWarn: true,
    // A stylesheet is shipped as it is, with its `.css.d.ts` (the export's `types`) when it has one.
    copy: stylesheets
      .flatMap((file) => [file, `${file}.d.ts`])
      .filter((file) => existsSync(file))
      .map((file) => ({
        from: file,
        to: path.posix.join('dist', path.posix.dirname(path.posix.relative('./src', file))),
      })),
    checks: { pluginTimings: false },
    report: false,
  })
}
