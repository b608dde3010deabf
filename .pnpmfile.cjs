// What `pnpm pack` / `pnpm publish` write into a published package.json (pnpm's beforePacking
// hook; the package.json in the repository is not changed):
// - the `@centagate-kit/source` condition is dropped from `exports` and `imports` (it points at
//   src/, which is not shipped; the repository's tests, Storybook and demo run from it), and an
//   entry that had only that condition is a workspace-only entry, so it goes too;
// - `scripts` and `devDependencies` go: they only make sense inside this repository.
// `workspace:^` and `catalog:` ranges are replaced by pnpm itself before this hook runs.
const sourceCondition = '@centagate-kit/source'

function withoutSource(target) {
  if (target === null || typeof target !== 'object') return target
  const kept = {}
  for (const [condition, inner] of Object.entries(target)) {
    if (condition === sourceCondition) continue
    const value = withoutSource(inner)
    if (value !== undefined) kept[condition] = value
  }
  return Object.keys(kept).length > 0 ? kept : undefined
}

function beforePacking(pkg) {
  for (const field of ['exports', 'imports']) {
    if (pkg[field]) pkg[field] = withoutSource(pkg[field])
  }
  delete pkg.scripts
  delete pkg.devDependencies
  return pkg
}

module.exports = { hooks: { beforePacking } }
