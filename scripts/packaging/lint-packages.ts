/**
 * Package lint on the packed tarballs, i.e. on exactly what `pnpm publish` would upload:
 * - publint, strict (warnings are errors) with suggestions reported too;
 * - @arethetypeswrong/cli with the esm-only profile (node16 from ESM, bundler);
 * - hygiene: nothing but the manifest, README, CHANGELOG, licence, dist/ and bin/ in a tarball, and
 *   no tests, stories, harnesses, test helpers or benches among them (the server's test/ and bench/
 *   and the private testkit stay in the repository);
 * - the manifest against the shipped imports (declared-imports.ts): no undeclared import, no unused
 *   dependency or peer, no dependency on a private workspace package;
 * - the README as installed: every relative link points at a file in the tarball, and the server
 *   README's contract tables are what the protocol's schemas say (scripts/packaging/contract-tables.ts).
 * Any finding is a problem. `pnpm lint:packages` packs first; the consumer suite reuses its packs.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { contractReadme, readmeWithTables } from './contract-tables'
import { declaredImportProblems } from './declared-imports'
import { type Tarball, packPackages } from './pack-packages'
import { publishablePackages, repoRoot, workspacePackages } from './publishable-packages'

/** What never belongs in a published package (tests, stories, harnesses, benches, the testkit). */
export const testCodePattern =
  /(^|\/)(test|tests|testing|test-support|testkit|bench|stories|__tests__|__mocks__)\/|\.(test|spec|stories|bench)\.|harness/

/** What a tarball may hold at all: the built modules, the bin, and the manifest and its documents. */
const shippedPattern = /^(dist\/|bin\/|package\.json$|README\.md$|CHANGELOG\.md$|LICEN[CS]E)/

export async function publintProblems(file: string): Promise<string[]> {
  const bytes = readFileSync(file)
  const tarball = bytes.buffer.slice(
    bytes.byteOffset,
    bytes.byteOffset + bytes.length,
  ) as ArrayBuffer
  const { messages, pkg } = await publint({ pack: { tarball }, level: 'suggestion', strict: true })
  return messages.map(
    (message) => `publint ${message.type}: ${formatMessage(message, pkg) ?? message.code}`,
  )
}

export function attwProblems(file: string): string[] {
  const result = spawnSync(
    'pnpm',
    ['exec', 'attw', file, '--profile', 'esm-only', '--format', 'table-flipped'],
    { cwd: repoRoot, encoding: 'utf8' },
  )
  return result.status === 0 ? [] : [`attw (esm-only):\n${result.stdout}${result.stderr}`]
}

export function hygieneProblems(tarball: Tarball): string[] {
  return [
    ...tarball.files
      .filter((file) => !shippedPattern.test(file))
      .map((file) => `shipped outside dist/ and bin/: ${file}`),
    ...tarball.files
      .filter((file) => testCodePattern.test(file))
      .map((file) => `test code shipped: ${file}`),
  ]
}

/** Relative links of the package README that the tarball does not ship (anchors and URLs pass). */
export function readmeProblems(tarball: Tarball): string[] {
  const pkg = publishablePackages().find(({ name }) => name === tarball.name)
  if (!pkg) return [`${tarball.name} is not a workspace package`]
  const readmePath = path.join(pkg.dir, 'README.md')
  const readme = readFileSync(readmePath, 'utf8')
  const problems: string[] = []
  for (const match of readme.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = match[1]!.split('#')[0]!
    if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue
    const shipped = path.posix.normalize(target.replace(/^\.\//, ''))
    if (!tarball.files.includes(shipped))
      problems.push(`README links ${target}, which is not shipped`)
  }
  if (readmePath === contractReadme && readmeWithTables(readme) !== readme) {
    problems.push('README contract tables out of date: run pnpm contract:tables')
  }
  return problems
}

export async function lintTarball(tarball: Tarball): Promise<string[]> {
  return [
    ...hygieneProblems(tarball),
    ...declaredImportProblems(
      tarball,
      workspacePackages()
        .filter((pkg) => pkg.private)
        .map((pkg) => pkg.name),
    ),
    ...readmeProblems(tarball),
    ...(await publintProblems(tarball.file)),
    ...attwProblems(tarball.file),
  ]
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  let failed = 0
  for (const pkg of workspacePackages().filter((pkg) => pkg.private)) {
    console.log(`${pkg.name}: private, never packed`)
  }
  for (const tarball of packPackages()) {
    const problems = await lintTarball(tarball)
    console.log(
      `${tarball.name}: ${problems.length === 0 ? 'no test code; imports declared; publint clean; attw clean (esm-only)' : `${problems.length} problem(s)`}`,
    )
    for (const problem of problems) console.log(`  ${problem}`)
    if (problems.length > 0) failed += 1
  }
  process.exit(failed > 0 ? 1 : 0)
}
