// What `pnpm pack` / `pnpm publish` write into a published package.json (pnpm's beforePacking
// hook; the package.json in the repository is not changed):
// - the `@centagate-kit/source` condition is dropped from `exports` and `imports`: it points at
//   src/, which is not shipped (the repository's tests, Storybook and demo run from it);
// - an entry whose targets are all outside the package's `files` is a workspace-only entry (e.g.
//   the emulator's `./register-source`, tsx for running sources in this repository), so it goes;
// - `scripts` and `devDependencies` go: they only make sense inside this repository.
// `workspace:^` and `catalog:` ranges are replaced by pnpm itself before this hook runs.
const sourceCondition = '@centagate-kit/source'

/** Whether `target` (`./dist/x.js`) is inside one of the `files` entries (plain paths here). */
function shipped(target, files) {
  const file = target.replace(/^\.\//, '')
  if (file === 'package.json') return true
  return files.some((entry) => {
    const root = entry.replace(/^\.\//, '').replace(/\/$/, '')
    return file === root || file.startsWith(`${root}/`)
  })
}

function published(target, files) {
  if (typeof target === 'string') return shipped(target, files) ? target : undefined
  if (target === null || typeof target !== 'object') return target
  const kept = {}
  for (const [condition, inner] of Object.entries(target)) {
    if (condition === sourceCondition) continue
    const value = published(inner, files)
    if (value !== undefined) kept[condition] = value
  }
  return Object.keys(kept).length > 0 ? kept : undefined
}

function beforePacking(pkg) {
  const files = pkg.files ?? []
  for (const field of ['exports', 'imports']) {
    if (pkg[field]) pkg[field] = published(pkg[field], files)
  }
  delete pkg.scripts
  delete pkg.devDependencies
  return pkg
}

module.exports = { hooks: { beforePacking } }
