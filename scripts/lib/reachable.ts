import { request } from 'undici'

/** Fails in one line when nothing answers HTTP at `endpoint` within `timeoutMs`. */
export async function assertReachable(endpoint: string, timeoutMs: number): Promise<void> {
  try {
    const response = await request(endpoint, {
      method: 'GET',
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    })
    await response.body.dump()
  } catch (error) {
    const code = (error as { code?: string }).code
    const reason =
      code === 'UND_ERR_HEADERS_TIMEOUT' ? `no answer within ${timeoutMs} ms` : (code ?? String(error))
    throw new Error(`cannot reach ${endpoint}: ${reason}`)
  }
}
