// The packages a team installs: every packages/* workspace package that is not private (the
// testkit is private: it is never built, packed or linted as a publishable package).
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface WorkspacePackage {
  name: string
  version: string
  dir: string
  private: boolean
}

/** Every packages/* workspace package, private ones included. */
export function workspacePackages(): WorkspacePackage[] {
  const packagesDir = path.join(repoRoot, 'packages')
  return readdirSync(packagesDir)
    .map((folder) => path.join(packagesDir, folder))
    .filter((dir) => existsSync(path.join(dir, 'package.json')))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name: string
        version: string
        private?: boolean
      }
      return {
        name: manifest.name,
        version: manifest.version,
        dir,
        private: manifest.private === true,
      }
    })
}

export function publishablePackages(): WorkspacePackage[] {
  return workspacePackages().filter((pkg) => !pkg.private)
}
