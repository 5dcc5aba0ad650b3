// The statements the phrase scan (./prose-scan.ts) finds that are not rules on a request, each
// with the reason. Reviewed by hand: an entry that no longer matches the spec fails the rules test,
// and so does a new statement that has neither a rule file nor an entry here.

export type NotARule = {
  paths: string[]
  /** `description`, or the parameter, as the scan names it. */
  where: string
  /** Words of the statement, quoted exactly: if the spec rewords it, the entry is reviewed again. */
  says: string
  reason: string
}

const SANDBOX = 'A condition on the workspace or device (sandbox, brand), not on the request parameters.'
const WHEN_IT_APPLIES =
  'Says when the field has an effect, not that a request carrying it otherwise is refused.'

export const NOT_RULES: NotARule[] = [
  {
    paths: ['/access_codes/create', '/acs/credentials/create'],
    where: 'description',
    says: 'Use this low-level endpoint only when you need direct control',
    reason: 'Advice on which API to use, not a condition on the request.',
  },
  {
    paths: ['/access_codes/create_multiple'],
    where: 'description',
    says: 'you cannot use `/access_codes/update_multiple`',
    reason: 'What a later request to another endpoint can do with codes this one created: stored state.',
  },
  {
    paths: ['/access_codes/create_multiple'],
    where: 'behavior_when_code_cannot_be_shared',
    says: 'Desired behavior if any device cannot share a code.',
    reason: 'What each enum value does when a device cannot share a code: behaviour, not a condition.',
  },
  {
    paths: ['/access_codes/create', '/access_codes/update'],
    where: 'preferred_code_length',
    says: 'Only applicable if you do not specify a `code`.',
    reason: WHEN_IT_APPLIES,
  },
  {
    paths: ['/access_grants/create', '/access_grants/request_access_methods'],
    where: 'requested_access_methods[].code',
    says: "Only applicable when mode is 'code'.",
    reason: WHEN_IT_APPLIES,
  },
  {
    paths: ['/access_grants/create', '/access_grants/request_access_methods'],
    where: 'requested_access_methods[].instant_key_max_use_count',
    says: "Only applicable when mode is 'mobile_key'.",
    reason: WHEN_IT_APPLIES,
  },
  {
    paths: ['/access_codes/pull_backup_access_code'],
    where: 'description',
    says: 'You can only pull backup access codes for time-bound access codes.',
    reason: 'A condition on the stored access code, which the request names only by its ID.',
  },
  {
    paths: ['/access_grants/unmanaged/update', '/user_identities/unmanaged/update'],
    where: 'description',
    says: 'can only be used to convert unmanaged',
    reason: 'The schema says it: is_managed is enum [true].',
  },
  {
    paths: ['/access_grants/unmanaged/update', '/user_identities/unmanaged/update'],
    where: 'is_managed',
    says: 'Must be set to true',
    reason: 'The schema says it: is_managed is enum [true].',
  },
  {
    paths: [
      '/connected_accounts/simulate/disconnect',
      '/devices/simulate/connect',
      '/devices/simulate/connect_to_hub',
      '/devices/simulate/disconnect',
      '/devices/simulate/disconnect_from_hub',
      '/devices/simulate/remove',
      '/thermostats/simulate/hvac_mode_adjusted',
      '/thermostats/simulate/temperature_reached',
    ],
    where: 'description',
    says: 'Only applicable for',
    reason: SANDBOX,
  },
  {
    paths: [
      '/acs/encoders/simulate/next_credential_encode_will_fail',
      '/acs/encoders/simulate/next_credential_encode_will_succeed',
      '/acs/encoders/simulate/next_credential_scan_will_fail',
      '/acs/encoders/simulate/next_credential_scan_will_succeed',
      '/locks/simulate/keypad_code_entry',
      '/locks/simulate/manual_lock_via_keypad',
    ],
    where: 'description',
    says: 'You can only perform this action',
    reason: SANDBOX,
  },
  {
    paths: ['/connected_accounts/update'],
    where: 'customer_key',
    says: 'May only be provided if the connected account is not already associated with a customer.',
    reason: 'A condition on the stored connected account, not on the request.',
  },
  {
    paths: ['/customers/create_portal'],
    where: 'read_only',
    says: 'cannot perform any mutating action',
    reason: "What a read-only portal's session may do later, not a condition on this request.",
  },
  {
    paths: ['/seam/customer/v1/portals/update'],
    where: 'portal_configuration.read_only',
    says: 'cannot perform any mutating action',
    reason: "What a read-only portal's session may do later, not a condition on this request.",
  },
  {
    paths: ['/devices/list_device_providers'],
    where: 'description',
    says: 'If at least one supported device from a provider has a specific capability',
    reason: "Describes the answer's capability flags.",
  },
  {
    paths: ['/devices/unmanaged/list', '/devices/unmanaged/update'],
    where: 'description',
    says: 'You cannot control an unmanaged device.',
    reason: 'What Seam can do with an unmanaged device, not a condition on the request.',
  },
  {
    paths: ['/user_identities/enrollment_automations/delete'],
    where: 'description',
    says: 'You must delete all enrollment automations associated with',
    reason: 'A condition on deleting a user identity (another endpoint) and on stored state.',
  },
]
