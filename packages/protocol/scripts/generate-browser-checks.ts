// `pnpm --filter @centagate-kit/protocol generate`: rewrites src/kit/browser-checks/generated.ts.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { generatedFile, renderBrowserChecks } from './browser-checks'

writeFileSync(generatedFile, await renderBrowserChecks())
console.warn(`wrote ${fileURLToPath(generatedFile)}`)
