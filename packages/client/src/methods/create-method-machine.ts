import type { Machine, TransitionTable } from '../machine/machine-types'
import { interpret } from '../machine/interpret'
import { documentVisibility } from '../visibility'
import type {
  MethodCalls,
  MethodContext,
  MethodEnv,
  MethodMachineEvent,
  MethodMachineOptions,
} from './method-types'

/** Starts a method machine in `idle` (nothing sent yet): `table` with this method's `calls`. */
export function createMethodMachine<State extends string, Snapshot, Event>(
  table: TransitionTable<State, MethodMachineEvent, MethodContext, MethodEnv>,
  calls: MethodCalls,
  options: MethodMachineOptions,
): Machine<Snapshot, Event> {
  return interpret<State, MethodMachineEvent, MethodContext, MethodEnv, Snapshot>(
    {
      name: calls.method,
      table,
      // Every method table starts in `idle`: nothing sent yet.
      initial: 'idle' as State,
      context: { method: calls.method },
      hidden: ['operation'],
      onTransition: options.onTransition,
    },
    {
      client: options.client,
      calls,
      visibility: options.visibility ?? documentVisibility(),
      onAuthenticated: options.onAuthenticated,
    },
  ) as Machine<Snapshot, Event>
}
