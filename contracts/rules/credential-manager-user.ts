import type { Payload } from '../request.ts'
import { present, when } from './presence.ts'
import { reshaped } from './reshaped.ts'
import type { EndpointRules } from './types.ts'

const CREATE_OR_NAME =
  'If you set create_credential_manager_user to true, you cannot specify a credential_manager_acs_user_id.'
const creating = (parameters: Payload) => parameters.create_credential_manager_user === true

/**
 * The rule of the two endpoints that launch an enrollment (credential provisioning) automation:
 * create the credential manager user, or name an existing one, not both.
 */
export function creatingOrNamingTheManagerUser(path: string): EndpointRules {
  return {
    path,
    prose: [CREATE_OR_NAME],
    statedIn: ['create_credential_manager_user', 'credential_manager_acs_user_id'],
    valid: (parameters) =>
      parameters.map((payload) => {
        if (!creating(payload)) return payload
        const { credential_manager_acs_user_id: _named, ...rest } = payload
        return rest
      }),
    checks: [
      when(creating, (parameters) =>
        present(parameters, 'credential_manager_acs_user_id') ? CREATE_OR_NAME : undefined,
      ),
    ],
    invalid: [
      reshaped(
        'prose: create_credential_manager_user true and a credential_manager_acs_user_id',
        CREATE_OR_NAME,
        {
          set: ['credential_manager_acs_user_id'],
          assign: { create_credential_manager_user: true },
        },
      ),
    ],
  }
}
