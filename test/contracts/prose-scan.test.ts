// Every rule the spec states in words has a rule file: the phrase scan finds each statement in the
// operations' and parameters' descriptions, and each must be claimed by its path's rule file
// (`statedIn`) or be on the reviewed list of statements that are not rules, with its reason. A new
// spec version that states a new rule fails here until it gets one or the other.
import { describe, expect, it } from 'vitest'

import { ALL_RULES, rulesFor } from '../../contracts/rules/index.ts'
import { NOT_RULES } from '../../contracts/rules/not-rules.ts'
import { type ProseStatement, scanProse } from '../../contracts/rules/prose-scan.ts'
import { buildSpec } from '../../contracts/spec.ts'
import { spec } from '../helpers/model.ts'

const statements = scanProse(spec)

const claimedByRuleFile = (s: ProseStatement) => rulesFor(s.path)?.statedIn?.includes(s.where) === true
const notARule = (s: ProseStatement) =>
  NOT_RULES.some(
    (entry) => entry.paths.includes(s.path) && entry.where === s.where && s.text.includes(entry.says),
  )

describe('the phrase scan', () => {
  it('finds the rules the issue names', () => {
    const found = new Set(statements.map((s) => `${s.operation} ${s.where}`))
    for (const expected of [
      'GET /events/list since',
      'POST /events/list between',
      'GET /devices/get description',
      'POST /devices/unmanaged/get description',
      'GET /access_codes/get description',
      'DELETE /acs/users/delete user_identity_id',
      'POST /acs/credentials/create acs_user_id',
      'PATCH /access_grants/update access_grant_key',
      'POST /access_codes/report_device_constraints description',
    ]) {
      expect(found).toContain(expected)
    }
  })

  it('finds no statement without a rule file or a reason it is not a rule', () => {
    const unaccounted = statements
      .filter((s) => !claimedByRuleFile(s) && !notARule(s))
      .map((s) => `${s.operation} ${s.where} [${s.phrase}]: ${s.text.slice(0, 200)}`)
    expect(unaccounted).toEqual([])
  })

  it('leaves no rule file claiming a place where the spec states nothing', () => {
    const stale = ALL_RULES.flatMap((rules) =>
      (rules.statedIn ?? [])
        .filter((where) => !statements.some((s) => s.path === rules.path && s.where === where))
        .map((where) => `${rules.path} ${where}`),
    )
    expect(stale).toEqual([])
  })

  it('keeps no entry on the not-a-rule list that matches nothing', () => {
    const stale = NOT_RULES.flatMap((entry) =>
      entry.paths
        .filter(
          (path) =>
            !statements.some(
              (s) => s.path === path && s.where === entry.where && s.text.includes(entry.says),
            ),
        )
        .map((path) => `${path} ${entry.where}: ${entry.says}`),
    )
    expect(stale).toEqual([])
  })

  it('gives every rule file that claims a statement a way to judge it', () => {
    const silent = ALL_RULES.filter(
      (rules) =>
        (rules.statedIn?.length ?? 0) > 0 &&
        rules.checks === undefined &&
        rules.violation === undefined &&
        rules.valid === undefined,
    ).map((rules) => rules.path)
    expect(silent).toEqual([])
  })

  it('finds a rule a new spec version states, in a description, a query parameter or a nested property', async () => {
    const newer = await buildSpec(
      {
        openapi: '3.0.0',
        info: { title: 'next', version: '2' },
        paths: {
          '/widgets/get': {
            get: {
              description: 'Returns a widget. You must specify either `widget_id` or `name`.',
              parameters: [
                {
                  name: 'name',
                  in: 'query',
                  schema: { type: 'string' },
                  description: 'Cannot be used with widget_id.',
                },
              ],
              responses: { 200: { description: 'OK' } },
            },
            post: {
              requestBody: {
                content: {
                  'application/json': {
                    schema: {
                      type: 'object',
                      properties: {
                        window: {
                          type: 'object',
                          properties: {
                            ends_at: { type: 'string', description: 'Must be after starts_at.' },
                          },
                        },
                      },
                    },
                  },
                },
              },
              responses: { 200: { description: 'OK' } },
            },
          },
        },
      },
      '2',
    )
    expect(scanProse(newer).map((s) => `${s.operation} ${s.where} [${s.phrase}]`)).toEqual([
      'GET /widgets/get description [You must]',
      'GET /widgets/get name [Cannot]',
      'POST /widgets/get window.ends_at [Must be after]',
    ])
    expect(rulesFor('/widgets/get')).toBeUndefined()
  })
})
