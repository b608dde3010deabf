/**
 * The structured logger the server writes to. Fields are data, never secrets: callers pass names,
 * lengths, digests and outcomes, never OTPs, tokens, keys or HMACs.
 */
export type LogFields = Readonly<Record<string, unknown>>

export interface Logger {
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
}

/** The default: writes nothing. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
}

type Level = keyof Logger
const levels: readonly Level[] = ['debug', 'info', 'warn', 'error']

/**
 * One JSON object per line on stderr (console.warn/error), from `minLevel` (default `info`) up.
 * JSON encoding escapes CR/LF and control characters, so a hostile username stays on one line.
 */
export function consoleJsonLogger(options: { minLevel?: Level } = {}): Logger {
  const min = levels.indexOf(options.minLevel ?? 'info')
  const write = (level: Level) => (message: string, fields?: LogFields) => {
    if (levels.indexOf(level) < min) return
    const line = JSON.stringify({ level, time: new Date().toISOString(), message, ...fields })
    if (level === 'error') console.error(line)
    else console.warn(line)
  }
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }
}
