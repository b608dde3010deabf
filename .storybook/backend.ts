/**
 * The stories' in-browser backend (real `createCentagateHandler` + real `createEmulator`). The
 * module lives in packages/react/src/stories/backend so its imports resolve through the react
 * package's own dependencies; this file is the Storybook-side entry point.
 */
export * from '../packages/react/src/stories/backend/story-backend'
