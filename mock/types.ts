// What the mock sees and answers: shared by the server, its rules and whoever observes its wire.
export type MockRequest = {
  method: string
  path: string
  query: Record<string, string | string[]>
  headers: Record<string, string>
  /** Parsed JSON body, if any. */
  body?: unknown
}

export type MockResponse = { status: number; headers: Record<string, string>; body: string }
