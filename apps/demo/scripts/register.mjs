// Lets Node load the demo's server code (vite.config.ts → server/*.ts → workspace packages) from
// TypeScript source with no build step: tsx plus the `@centagate-kit/source` export condition.
import '@centagate-kit/emulator/register-source'
