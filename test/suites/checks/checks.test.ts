// Each check passes on a correct answer and names itself on a broken one.
import { describe, expect, it } from 'vitest'

import { contentTypeJson } from '../../../suites/checks/content-type-json.ts'
import { errorEnvelope } from '../../../suites/checks/error-envelope.ts'
import { checksFor, POSITIVE_CHECKS } from '../../../suites/checks/index.ts'
import { noInternalDetails } from '../../../suites/checks/no-internal-details.ts'
import { notAServerError } from '../../../suites/checks/not-a-server-error.ts'
import { objectShape } from '../../../suites/checks/object-shape.ts'
import { responseSchema } from '../../../suites/checks/response-schema.ts'
import { statusCodeDocumented } from '../../../suites/checks/status-code-documented.ts'
import type { Check } from '../../../suites/checks/types.ts'
import { validAccepted } from '../../../suites/checks/valid-accepted.ts'
import { voidShape } from '../../../suites/checks/void-shape.ts'
import { contextFor, exchange } from '../../helpers/exchange.ts'
import { operation } from '../../helpers/model.ts'

const grant = operation('POST /user_identities/grant_access_to_device')
const create = operation('POST /access_grants/create')
const list = operation('GET /devices/list')

const ACCESS_GRANT = {
  access_grant_id: '2a7c3c4e-1b7e-4f3a-9c51-8a7e8d7e7c11',
  access_method_ids: [],
  created_at: '2025-06-16T16:54:17.946606Z',
  display_name: 'Grant',
  ends_at: null,
  errors: [],
  location_ids: [],
  name: null,
  pending_mutations: [],
  requested_access_methods: [],
  space_ids: [],
  starts_at: '2025-06-16T16:54:17.946606Z',
  user_identity_id: '2a7c3c4e-1b7e-4f3a-9c51-8a7e8d7e7c12',
  warnings: [],
  workspace_id: '2a7c3c4e-1b7e-4f3a-9c51-8a7e8d7e7c13',
}

function run(check: Check, ...args: Parameters<typeof exchange>) {
  return check.run(contextFor(args[0]), exchange(...args)).map((v) => `${check.name}: ${v.message}`)
}

describe('not_a_server_error', () => {
  it('fails on 5xx only', () => {
    expect(run(notAServerError, grant, 200, { ok: true })).toEqual([])
    expect(run(notAServerError, grant, 400, {})).toEqual([])
    expect(run(notAServerError, grant, 502, {})).toEqual(['not_a_server_error: server error 502'])
  })
})

describe('no_internal_details', () => {
  const envelope = (message: string) => ({ ok: false, error: { type: 'invalid_input', message } })

  it('passes error bodies that only say what was wrong', () => {
    expect(run(noInternalDetails, grant, 400, envelope('device_id must be a uuid'))).toEqual([])
    expect(
      run(noInternalDetails, grant, 404, envelope('Device not found: see https://docs.seam.co/x')),
    ).toEqual([])
    expect(run(noInternalDetails, grant, 500, 'Internal Server Error')).toEqual([])
  })

  it('names a stack frame, a source line, a dependency path, a traceback or an exception class', () => {
    const frame = 'boom\n    at handler (/srv/app/dist/index.js:10:5)'
    expect(run(noInternalDetails, grant, 500, frame)).toEqual([
      'no_internal_details: 500 body shows a stack frame: "at handler (/srv/app/dist/index.js:10:5)"',
      'no_internal_details: 500 body shows a source file and line: "/srv/app/dist/index.js:10"',
    ])
    expect(run(noInternalDetails, grant, 400, envelope('in /app/node_modules/zod/lib'))).toEqual([
      'no_internal_details: 400 body shows a dependency path: "node_modules/"',
    ])
    expect(run(noInternalDetails, grant, 500, 'Traceback (most recent call last):')).toHaveLength(1)
    expect(run(noInternalDetails, grant, 500, envelope('TypeError: x is undefined'))).toEqual([
      'no_internal_details: 500 body shows an exception class: "TypeError:"',
    ])
    expect(run(noInternalDetails, grant, 400, { error: { type: 'x', stack: 'Error' } })).toEqual([
      'no_internal_details: 400 body shows a "stack" field: ""stack":""',
    ])
  })

  it('leaves successful answers alone', () => {
    expect(run(noInternalDetails, grant, 200, { ok: true, note: 'at x (/a.js:1:1)' })).toEqual([])
  })
})

describe('status_code_documented', () => {
  it('accepts the documented codes and names the others', () => {
    expect(run(statusCodeDocumented, grant, 401, {})).toEqual([])
    expect(run(statusCodeDocumented, grant, 201, {})).toEqual([
      'status_code_documented: status 201 is not documented (documented: 200, 400, 401)',
    ])
  })
})

describe('valid_accepted', () => {
  it('wants a 2xx', () => {
    expect(run(validAccepted, grant, 200, { ok: true })).toEqual([])
    expect(run(validAccepted, grant, 400, {})).toEqual([
      'valid_accepted: valid request answered 400, expected 2xx',
    ])
  })
})

describe('content_type_json', () => {
  it('wants application/json that parses', () => {
    expect(
      run(contentTypeJson, grant, 200, { ok: true }, { 'content-type': 'application/json; charset=utf-8' }),
    ).toEqual([])
    expect(run(contentTypeJson, grant, 200, 'ok', { 'content-type': 'text/plain' })).toEqual([
      'content_type_json: content-type is "text/plain", expected application/json',
      'content_type_json: body is not JSON',
    ])
  })
})

describe('response_schema', () => {
  it('validates the body against the schema for its status', () => {
    expect(run(responseSchema, create, 200, { access_grant: ACCESS_GRANT, ok: true })).toEqual([])
    expect(run(responseSchema, create, 200, { ok: true })).toEqual([
      "response_schema: (root) must have required property 'access_grant'",
    ])
    expect(
      run(responseSchema, create, 200, { access_grant: { ...ACCESS_GRANT, created_at: 5 }, ok: true }),
    ).toEqual(['response_schema: /access_grant/created_at must be string'])
  })

  it('has nothing to say where the spec documents no body', () => {
    expect(run(responseSchema, create, 400, { anything: true })).toEqual([])
  })
})

describe('void_shape', () => {
  it('wants exactly {"ok": true} from the seed void operations', () => {
    expect(run(voidShape, grant, 200, { ok: true })).toEqual([])
    expect(run(voidShape, grant, 200, {})).toEqual(['void_shape: "ok" is missing, expected true'])
    expect(run(voidShape, grant, 200, { ok: true, user_identity: {} })).toEqual([
      'void_shape: undocumented key "user_identity" in a void response',
    ])
    expect(run(voidShape, grant, 200, [])).toEqual(['void_shape: body is [], expected {"ok": true}'])
  })

  it('applies to void operations only, and only to 2xx answers', () => {
    expect(voidShape.appliesTo(grant)).toBe(true)
    expect(voidShape.appliesTo(create)).toBe(false)
    expect(run(voidShape, grant, 400, { error: {} })).toEqual([])
  })
})

describe('object_shape', () => {
  it('wants the resource under its x-response-key', () => {
    expect(run(objectShape, create, 200, { access_grant: ACCESS_GRANT, ok: true })).toEqual([])
    expect(run(objectShape, create, 200, { ...ACCESS_GRANT, ok: true })).toEqual([
      'object_shape: no "access_grant" key: the resource is not wrapped',
    ])
    expect(run(objectShape, create, 200, { access_grant: [ACCESS_GRANT], ok: true })).toEqual([
      'object_shape: access_grant must be object',
    ])
  })

  it('wants an array where the key holds a list, and a resource that matches its schema', () => {
    expect(run(objectShape, list, 200, { devices: [], ok: true })).toEqual([])
    expect(run(objectShape, list, 200, { devices: {}, ok: true })).toEqual([
      'object_shape: devices must be array',
    ])
    expect(
      run(objectShape, create, 200, { access_grant: { ...ACCESS_GRANT, access_grant_id: 'x' }, ok: true }),
    ).toEqual(['object_shape: access_grant/access_grant_id must match format "uuid"'])
  })
})

describe('error_envelope', () => {
  const schemaBreaking = (status: number, body: unknown) => {
    const answered = exchange(create, status, body)
    const request = {
      ...answered.request,
      invalid: { breaks: 'schema' as const, label: 'name: not a string' },
    }
    return errorEnvelope
      .run(contextFor(create), { ...answered, request })
      .map((v) => `${errorEnvelope.name}: ${v.message}`)
  }

  it("wants Seam's envelope on a 4xx, and invalid_input for a schema violation", () => {
    const envelope = { error: { type: 'invalid_input', message: 'Bad' }, ok: false }
    expect(schemaBreaking(400, envelope)).toEqual([])
    expect(run(errorEnvelope, create, 200, { ok: true })).toEqual([])
    expect(
      run(errorEnvelope, create, 404, { error: { type: 'not_found', message: 'No' }, ok: false }),
    ).toEqual([])
    expect(schemaBreaking(400, { error: { type: 'unknown', message: 'Bad' }, ok: false })).toEqual([
      'error_envelope: error.type is "unknown", expected "invalid_input" for a schema violation',
    ])
  })

  it('names what the body lacks, once each', () => {
    expect(run(errorEnvelope, create, 400, '')).toEqual(['error_envelope: 400 body is not a JSON object: ""'])
    expect(schemaBreaking(400, { error: { type: 4 }, ok: true })).toEqual([
      'error_envelope: "ok" is true, expected false',
      'error_envelope: error.type is not a string',
      'error_envelope: error.message is not a string',
    ])
  })
})

describe('checksFor', () => {
  it('leaves out the shape check that does not apply', () => {
    expect(checksFor(grant).map((c) => c.name)).not.toContain('object_shape')
    expect(checksFor(create).map((c) => c.name)).not.toContain('void_shape')
    expect(POSITIVE_CHECKS).toHaveLength(8)
  })
})
