/**
 * The published manifest against the code it ships: every package a shipped module (JavaScript
 * or declaration) imports is a dependency or a peer, and every dependency or peer is imported by
 * something shipped (a peer's `@types/x` counts when `x` is imported). So an adapter's types
 * cannot reach for an undeclared framework, and a package keeps no dependency or peer it stopped
 * using (the server stopped importing the emulator, so it must not name it). A dependency on a
 * private workspace package (the testkit) is a problem of its own: it cannot be installed.
 */
import { isBuiltin } from 'node:module'
import { tarballEntries } from './pack-packages'
import type { Tarball } from './pack-packages'

interface Manifest {
  name: string
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
}

/**
 * Peers a package may declare without importing them, with the package they go with. `react-dom`:
 * the React widgets are DOM parts rendered by the app's `react-dom`, which must be the React they
 * are built for.
 */
const unimportedPeers: Record<string, string> = { 'react-dom': 'react' }

const importPattern =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"'\s]+)["']/g

/** `@scope/name/sub` -> `@scope/name`, `name/sub` -> `name`; undefined for relative and `#`. */
function packageOf(specifier: string): string | undefined {
  if (/^[./#]/.test(specifier) || specifier.startsWith('node:') || isBuiltin(specifier)) return
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

/** Every package the shipped modules import, with one file that imports it. */
export function importedPackages(entries: Map<string, Buffer>): Map<string, string> {
  const imported = new Map<string, string>()
  for (const [file, bytes] of entries) {
    if (!/\.(m?js|d\.m?ts)$/.test(file)) continue
    for (const match of bytes.toString('utf8').matchAll(importPattern)) {
      const name = packageOf(match[1]!)
      if (name && !imported.has(name)) imported.set(name, file)
    }
  }
  return imported
}

export function declaredImportProblems(tarball: Tarball, privateNames: string[]): string[] {
  const entries = tarballEntries(tarball.file)
  const manifest = JSON.parse(entries.get('package.json')!.toString('utf8')) as Manifest
  const declared = new Set([
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
  ])
  const imported = importedPackages(entries)
  imported.delete(manifest.name)
  const problems: string[] = []
  for (const [name, file] of imported) {
    if (!declared.has(name)) problems.push(`${file} imports ${name}, which is not declared`)
  }
  for (const name of declared) {
    if (privateNames.includes(name)) problems.push(`depends on ${name}, a private package`)
    // `@types/x` is used through `x`; an allowed unimported peer through the package it goes with.
    const usedThrough = name.startsWith('@types/')
      ? name.slice('@types/'.length)
      : manifest.peerDependencies?.[name] !== undefined
        ? unimportedPeers[name]
        : undefined
    if (!imported.has(name) && !(usedThrough !== undefined && imported.has(usedThrough)))
      problems.push(`declares ${name}, which nothing shipped imports`)
  }
  return problems
}
