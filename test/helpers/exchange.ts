// Exchanges built by hand, for checking the checks without a server.
import type { Operation } from '../../contracts/operations.ts'
import type { RespondedExchange } from '../../contracts/exchange.ts'
import { readJson } from '../../contracts/json.ts'
import { validators } from './model.ts'

export function exchange(
  operation: Operation,
  status: number,
  body: unknown,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): RespondedExchange {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return {
    request: { operation: operation.id, method: operation.method, path: operation.path, query: {}, body: {} },
    wire: { method: operation.method.toUpperCase(), url: `http://127.0.0.1${operation.path}`, headers: {} },
    response: { status, headers, text, ...readJson(text), durationMs: 1 },
  }
}

export function contextFor(operation: Operation) {
  return { operation, validators }
}
