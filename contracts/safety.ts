// How safe each operation is to call on someone's workspace: reviewed data, read by live mode to
// decide what a nightly run may send. First matching rule wins; an operation no rule names has no
// class, and a test fails until someone reviews it (a new spec version cannot add one silently).
import type { Operation } from './operations.ts'

export type SafetyClass =
  /** Reads only: safe with any IDs. */
  | 'read'
  /** Creates a resource the run then owns and removes with `undo`. */
  | 'create'
  /** Changes or deletes resources that exist (the run's own, or not). */
  | 'change'
  /** Irreversible or with effects outside the API: unlocking, encoding cards, messages, simulations, billing. */
  | 'real_world'

export type Safety = { class: SafetyClass; why: string; undo?: Undo }

/** How to remove what a create made: the operation to call and where its ID sits in the answer. */
export type Undo = { path: string; idParameter: string; resultKey: string }

type Rule = { match: RegExp; class: SafetyClass; why: string }

// Matched against the path. Real-world effects come first: a name like `get_or_create` or
// `simulate/…` must never fall through to a harmless-looking rule below.
const RULES: Rule[] = [
  {
    match: /\/simulate\//,
    class: 'real_world',
    why: 'a simulation changes device or account state',
  },
  {
    match:
      /\/(unlock_door|lock_door|unlock|encode|encode_credential|scan_credential|scan_to_assign_credential|assign_card|configure_auto_lock)$|^\/access_codes\/(create|create_multiple|update|update_multiple|delete)$/,
    class: 'real_world',
    why: 'acts on a physical lock, door or card, or programs a code onto one',
  },
  {
    match:
      /\/thermostats\/(cool|heat|heat_cool|off|set_fan_mode|set_hvac_mode|activate_climate_preset|set_fallback_climate_preset|set_temperature_threshold|update_weekly_program)$/,
    class: 'real_world',
    why: 'drives a physical thermostat',
  },
  {
    match:
      /\/(reset_sandbox|delete_data|push_data|push_common_areas|launch|generate_magic_link|generate_instant_key|create_portal|open_portal|create_deep_link|sync|authorize|report_devices|report_provider_metadata|report_status|report_salto_space_audit_trail|report_device_constraints|migrate_property|refresh_tailscale_auth_key|refresh_telemetry_token|regenerate_pairing_code|exchange_short_code|create_ro_token|request_access_methods|pull_backup_access_code|upload_logo|upload_images|submit|reset|auto_map|connect_accounts|manage_devices|organize_spaces|validate-config|get_or_create|deactivate|create_offline_code|\[subscription_id\])$/,
    class: 'real_world',
    why: 'sends messages, issues credentials or keys, reports to providers, or resets state',
  },
  { match: /\/(list|get|me|connector_types|find_anything)$/, class: 'read', why: 'reads only' },
  { match: /\/(list|get)_[a-z_]+$/, class: 'read', why: 'reads only' },
  {
    match:
      /\/(create|create_multiple|create_climate_preset|add|add_[a-z_]+|grant|grant_access|grant_access_to_device|assign)$/,
    class: 'change',
    why: 'creates or grants something the run cannot always undo',
  },
  {
    match:
      /\/(update|update_multiple|update_climate_preset|delete|delete_climate_preset|remove|remove_[a-z_]+|revoke|revoke_[a-z_]+|unassign|suspend|unsuspend|convert_to_managed|generate_code|copy)$/,
    class: 'change',
    why: 'changes or deletes existing resources',
  },
]

/** Creates whose resource the run can remove again: the ledger records each and undoes it. */
const UNDOABLE_CREATES: Record<string, Undo> = {
  '/user_identities/create': undo('/user_identities/delete', 'user_identity'),
  '/access_grants/create': undo('/access_grants/delete', 'access_grant'),
  '/acs/users/create': undo('/acs/users/delete', 'acs_user'),
  '/spaces/create': undo('/spaces/delete', 'space'),
  '/noise_sensors/noise_thresholds/create': undo('/noise_sensors/noise_thresholds/delete', 'noise_threshold'),
  '/client_sessions/create': undo('/client_sessions/delete', 'client_session'),
  '/connect_webviews/create': undo('/connect_webviews/delete', 'connect_webview'),
}

function undo(path: string, resultKey: string): Undo {
  return { path, idParameter: `${resultKey}_id`, resultKey }
}

/** The class of an operation; undefined when no reviewed rule covers it. */
export function safetyOf(operation: Pick<Operation, 'path'>): Safety | undefined {
  const undoable = UNDOABLE_CREATES[operation.path]
  if (undoable !== undefined)
    return {
      class: 'create',
      why: `creates a resource the run removes with ${undoable.path}`,
      undo: undoable,
    }
  const rule = RULES.find(({ match }) => match.test(operation.path))
  return rule === undefined ? undefined : { class: rule.class, why: rule.why }
}

/** The reviewed creates, for the test that each still has its delete in the spec. */
export const REVIEWED_CREATES = UNDOABLE_CREATES
