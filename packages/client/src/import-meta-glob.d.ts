// Vite's import.meta.glob, for tests that read this package's own sources (the client's tsconfig
// has no Node types on purpose: library code must not use Node APIs).
interface ImportMeta {
  glob<T = unknown>(
    pattern: string,
    options: { query?: string; import?: string; eager: true },
  ): Record<string, T>
}
