// The types of `import '@centagate-kit/react/styles.css'` (the export's `types` condition points
// at the built copy): the stylesheet binds nothing, so an app type-checks the side-effect import
// without `vite/client` or a `*.css` declaration of its own.
export {}
