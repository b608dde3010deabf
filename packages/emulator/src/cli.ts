/**
 * The `centagate-emulator` CLI (README "Run it"). Flags win over environment variables:
 * --port/CENTAGATE_EMULATOR_PORT (default 8787), --host/CENTAGATE_EMULATOR_HOST (127.0.0.1),
 * --integration-key/CENTAGATE_INTEGRATION_KEY, --secret-key/CENTAGATE_SECRET_KEY,
 * --lenient/CENTAGATE_EMULATOR_LENIENT, --tenant-orders/CENTAGATE_EMULATOR_TENANT_ORDERS
 * (catalogue), --fixtures/CENTAGATE_EMULATOR_FIXTURES,
 * --data/CENTAGATE_EMULATOR_DATA, --no-control-api. SIGTERM/SIGINT close cleanly (and save --data).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { type TenantOrders, tenantOrderModes } from '@centagate-kit/protocol'
import { parseFixtures } from './fixtures/fixture-schema'
import type { RequestLogEntry } from './logger'
import { startEmulatorServer } from './node'

const usage = `Usage: centagate-emulator [options]

  --port <n>              port (0 = any free port)        env CENTAGATE_EMULATOR_PORT, default 8787
  --host <host>           bind address                     env CENTAGATE_EMULATOR_HOST, default 127.0.0.1
  --integration-key <k>   app integration key              env CENTAGATE_INTEGRATION_KEY
  --secret-key <s>        app secret key (HMAC key)        env CENTAGATE_SECRET_KEY
  --fixtures <file>       fixtures JSON (see README)       env CENTAGATE_EMULATOR_FIXTURES
  --data <file>           load state from / save state to  env CENTAGATE_EMULATOR_DATA
  --lenient               accept every documented HMAC order and spelling
                                                           env CENTAGATE_EMULATOR_LENIENT=1
  --tenant-orders <mode>  the one signed order strict mode accepts per endpoint:
                          catalogue (the kit's default) or vendor-samples (the
                          vendor's Node.js sample orders, like a real tenant)
                                                           env CENTAGATE_EMULATOR_TENANT_ORDERS, default catalogue
  --no-control-api        disable /__emulator/* (on: writes need JSON and x-centagate-kit: 1,
                          and a browser's cross-site requests are refused)
  --quiet                 no per-request log lines
  --help
`

function truthy(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value)
}

function write(line: string): void {
  process.stdout.write(`${line}\n`)
}

function logLine(entry: RequestLogEntry): void {
  const code = entry.code === null ? '' : ` code=${entry.code}`
  const fault = entry.fault === null ? '' : ` fault=${entry.fault}`
  write(`${entry.method} ${entry.path} ${entry.status}${code}${fault} ${entry.ms}ms`)
}

/** Runs the CLI; resolves once the server listens. */
export async function main(argv: readonly string[], env = process.env): Promise<void> {
  let values
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'integration-key': { type: 'string' },
        'secret-key': { type: 'string' },
        fixtures: { type: 'string' },
        data: { type: 'string' },
        lenient: { type: 'boolean' },
        'tenant-orders': { type: 'string' },
        'no-control-api': { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
    }))
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`)
    process.exitCode = 2
    return
  }
  if (values.help) {
    write(usage)
    return
  }
  const portText = values.port ?? env.CENTAGATE_EMULATOR_PORT ?? '8787'
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`invalid port: ${portText}\n`)
    process.exitCode = 2
    return
  }
  const tenantOrders =
    values['tenant-orders'] ?? env.CENTAGATE_EMULATOR_TENANT_ORDERS ?? 'catalogue'
  if (!(tenantOrderModes as readonly string[]).includes(tenantOrders)) {
    process.stderr.write(
      `invalid --tenant-orders: ${tenantOrders} (expected ${tenantOrderModes.join(' or ')})\n`,
    )
    process.exitCode = 2
    return
  }
  const fixturesFile = values.fixtures ?? env.CENTAGATE_EMULATOR_FIXTURES
  const dataFile = values.data ?? env.CENTAGATE_EMULATOR_DATA
  const integrationKey = values['integration-key'] ?? env.CENTAGATE_INTEGRATION_KEY
  const secretKey = values['secret-key'] ?? env.CENTAGATE_SECRET_KEY
  let server
  try {
    const fixtures = fixturesFile
      ? parseFixtures(JSON.parse(readFileSync(fixturesFile, 'utf8')) as unknown)
      : undefined
    const state =
      dataFile && existsSync(dataFile)
        ? (JSON.parse(readFileSync(dataFile, 'utf8')) as unknown)
        : undefined
    server = await startEmulatorServer({
      port,
      host: values.host ?? env.CENTAGATE_EMULATOR_HOST ?? '127.0.0.1',
      lenient: values.lenient ?? truthy(env.CENTAGATE_EMULATOR_LENIENT),
      tenantOrders: tenantOrders as TenantOrders,
      controlApi: !values['no-control-api'],
      ...(fixtures ? { fixtures } : {}),
      ...(state !== undefined ? { state } : {}),
      ...(integrationKey ? { integrationKey } : {}),
      ...(secretKey ? { secretKey } : {}),
      logger: {
        ...(values.quiet ? {} : { request: logLine }),
        warn: (message) => process.stderr.write(`${message}\n`),
      },
    })
  } catch (error) {
    process.stderr.write(
      `centagate-emulator: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    process.exitCode = 1
    return
  }
  const { emulator } = server
  write(`CENTAGATE emulator listening on ${server.url}`)
  write(`  v2 base:         ${server.url}/v2/CentagateWS/webresources`)
  write(`  v1 base:         ${server.url}/CentagateWS/webresources`)
  write(`  integrationKey:  ${emulator.credentials.integrationKey}`)
  write(`  secretKey:       ${emulator.credentials.secretKey}`)
  write(
    `  mode:            ${emulator.lenient ? 'lenient' : `strict (${emulator.tenantOrders} orders)`}; control API ${values['no-control-api'] ? 'off' : `on at ${server.url}/__emulator/ (writes: JSON with x-centagate-kit: 1)`}`,
  )
  if (!fixturesFile) {
    write(
      '  users:           alice/alice-password, bob/bob-password, carol/carol-password, admin/admin-password',
    )
  }
  if (dataFile) write(`  data file:       ${dataFile}`)

  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    write(`${signal}: closing`)
    if (dataFile) writeFileSync(dataFile, `${JSON.stringify(emulator.export(), null, 2)}\n`)
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGTERM', () => shutdown('SIGTERM'))
  process.once('SIGINT', () => shutdown('SIGINT'))
}
