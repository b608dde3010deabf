// Child processes of the consumer suite (emulator, servers, previews): started with their output
// watched, each in its own process group, and stopped by that group's id (so whatever it spawned
// stops too) when the check ends or the suite exits.
import { type ChildProcess, spawn } from 'node:child_process'

export interface Started {
  child: ChildProcess
  /** Everything written so far to stdout and stderr. */
  output: () => string
  stop: () => Promise<void>
}

const running = new Set<ChildProcess>()
// eslint-disable-next-line no-control-regex -- matching terminal escape sequences is the point
const ansiEscape = /\u001b\[[0-9;]*m/g

/** Signals the child's process group (it was spawned detached, so it leads one). */
function signal(child: ChildProcess, name: NodeJS.Signals): void {
  if (child.pid === undefined) return
  try {
    process.kill(-child.pid, name)
  } catch {
    // already gone
  }
}

process.on('exit', () => {
  for (const child of running) signal(child, 'SIGKILL')
})

/** Starts `command` and resolves once a line matches `ready` (rejects on exit or timeout). */
export function start(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; ready: RegExp; timeoutMs?: number },
): Promise<Started> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  running.add(child)
  let output = ''
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        signal(child, 'SIGKILL') // the leader is gone; anything it left in its group goes too
        return resolve()
      }
      child.once('exit', () => {
        signal(child, 'SIGKILL')
        resolve()
      })
      signal(child, 'SIGTERM')
      setTimeout(() => signal(child, 'SIGKILL'), 5_000).unref()
    }).finally(() => running.delete(child))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop()
      reject(
        new Error(
          `${command} ${args.join(' ')}: not ready after ${options.timeoutMs ?? 60_000} ms\n${output}`,
        ),
      )
    }, options.timeoutMs ?? 60_000)
    const onData = (chunk: Buffer) => {
      // Without colour codes: Vite prints the port of its URL in bold even into a pipe.
      output += chunk.toString().replace(ansiEscape, '')
      if (options.ready.test(output)) {
        clearTimeout(timer)
        resolve({ child, output: () => output, stop })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      running.delete(child)
      reject(
        new Error(
          `${command} ${args.join(' ')} exited (${code ?? signal}) before ready\n${output}`,
        ),
      )
    })
  })
}

/** Runs a command to completion; resolves with its output, rejects with it on failure. */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    running.add(child)
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const timer = setTimeout(() => signal(child, 'SIGKILL'), options.timeoutMs ?? 300_000)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      running.delete(child)
      if (code === 0) resolve(output)
      else
        reject(
          new Error(
            `${command} ${args.join(' ')} failed (${code ?? signal}) in ${options.cwd}\n${output}`,
          ),
        )
    })
  })
}

/** A free loopback port (the OS picks one; closed again before it is used). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net')
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}
