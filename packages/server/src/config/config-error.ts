/** A startup error naming EACH missing or malformed setting (never its value). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
  constructor(readonly problems: readonly { setting: string; problem: string }[]) {
    super(
      `centagate-kit configuration is invalid:\n` +
        problems.map((entry) => `  - ${entry.setting}: ${entry.problem}`).join('\n'),
    )
  }
}
