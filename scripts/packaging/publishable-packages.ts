// The packages a team installs: every packages/* workspace package that is not private.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface WorkspacePackage {
  name: string
  version: string
  dir: string
}

export function publishablePackages(): WorkspacePackage[] {
  const packagesDir = path.join(repoRoot, 'packages')
  return readdirSync(packagesDir)
    .map((folder) => path.join(packagesDir, folder))
    .filter((dir) => existsSync(path.join(dir, 'package.json')))
    .map((dir) => ({
      dir,
      manifest: JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name: string
        version: string
        private?: boolean
      },
    }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir, manifest }) => ({ name: manifest.name, version: manifest.version, dir }))
}
