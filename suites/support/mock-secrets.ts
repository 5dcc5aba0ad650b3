// The mock's default credentials: what a mock-mode run holds when SEAM_* leaves a kind unset, and
// what the embedded mock (and the SDK gate's, and bench's) then takes. Any well-formed value passes
// a mock, so none of them is anyone's secret.
import type { AuthSecrets } from '../../contracts/credentials.ts'

export const MOCK_SECRETS: Readonly<Required<AuthSecrets>> = Object.freeze({
  primary: 'api_key',
  apiKey: 'seam_mock_conformance_key',
  personalAccessToken: 'seam_at_mock_conformance_token',
  workspaceId: '5e4a1f4e-6b1c-4f7e-9d0a-2c3b4a5d6e7f',
  clientSessionToken: 'seam_cst_mock_conformance_token',
  /** Console sessions are JWTs; this one only looks like one. */
  consoleSessionToken: 'eyJhbGciOiJub25lIn0.eyJtb2NrIjp0cnVlfQ.',
})
