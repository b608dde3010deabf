/**
 * `pnpm pack:packages [--out <dir>] [--no-build]`: builds every publishable package (tsdown) and
 * packs it with `pnpm pack`, which applies .pnpmfile.cjs's beforePacking hook and turns
 * `workspace:^` / `catalog:` into ranges: exactly what `pnpm publish` would upload. Prints one line
 * per tarball. The consumer suite, the package lint and the bench run on these tarballs; nothing
 * is published.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { publishablePackages, repoRoot } from './publishable-packages'

export const defaultPacksDir = path.join(repoRoot, '.packs')

export interface Tarball {
  name: string
  version: string
  file: string
  packedBytes: number
  unpackedBytes: number
  /** Paths inside the package (without the `package/` prefix). */
  files: string[]
}

/**
 * Every regular file of a .tgz with its bytes (ustar: name at 0, octal size at 124, type at 156,
 * the part of a long path before its last `/`s at 345).
 */
export function tarballEntries(file: string): Map<string, Buffer> {
  const tar = gunzipSync(readFileSync(file))
  const entries = new Map<string, Buffer>()
  const field = (at: number, length: number) =>
    tar.toString('utf8', at, at + length).replace(/\0.*$/s, '')
  for (let offset = 0; offset + 512 <= tar.length;) {
    const prefix = field(offset + 345, 155)
    const name = prefix === '' ? field(offset, 100) : `${prefix}/${field(offset, 100)}`
    if (name === '') break
    const size = Number.parseInt(tar.toString('utf8', offset + 124, offset + 136).trim(), 8) || 0
    const type = tar.toString('utf8', offset + 156, offset + 157)
    if (type === '0' || type === '\0') {
      entries.set(name.replace(/^package\//, ''), tar.subarray(offset + 512, offset + 512 + size))
    }
    offset += 512 + Math.ceil(size / 512) * 512
  }
  return entries
}

/** Files and unpacked bytes of a .tgz. */
export function tarballContents(file: string): { files: string[]; unpackedBytes: number } {
  const entries = tarballEntries(file)
  let unpackedBytes = 0
  for (const bytes of entries.values()) unpackedBytes += bytes.length
  return { files: [...entries.keys()], unpackedBytes }
}

/** Builds and packs every publishable package into `outDir` (emptied first). */
export function packPackages({ outDir = defaultPacksDir, build = true } = {}): Tarball[] {
  const packages = publishablePackages()
  if (build) {
    const filters = packages.flatMap(({ dir }) => ['--filter', `./${path.relative(repoRoot, dir)}`])
    const result = spawnSync('pnpm', [...filters, 'run', 'build'], {
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    if (result.status !== 0) throw new Error('pnpm build of the packages failed')
  }
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  return packages.map(({ name, version, dir }) => {
    const result = spawnSync('pnpm', ['pack', '--pack-destination', outDir], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    if (result.status !== 0) throw new Error(`pnpm pack failed in ${dir}`)
    const file = path.join(outDir, `${name.replace('@', '').replace('/', '-')}-${version}.tgz`)
    return { name, version, file, packedBytes: statSync(file).size, ...tarballContents(file) }
  })
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

export function describeTarball(tarball: Tarball): string {
  return `${tarball.name}@${tarball.version}: ${kb(tarball.packedBytes)} packed, ${kb(tarball.unpackedBytes)} unpacked, ${tarball.files.length} files`
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const args = process.argv.slice(2)
  const outIndex = args.indexOf('--out')
  const outArg = outIndex >= 0 ? args[outIndex + 1] : undefined
  const tarballs = packPackages({
    outDir: outArg ? path.resolve(outArg) : defaultPacksDir,
    build: !args.includes('--no-build'),
  })
  for (const tarball of tarballs) console.log(`${describeTarball(tarball)} -> ${tarball.file}`)
}
