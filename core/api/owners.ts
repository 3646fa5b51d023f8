import { ROLES, ROLE_LABELS, allows, type Role } from '../roles'
import { reviewContract } from './review'

/**
 * Whether a member with `roles` can own a content item: the owner starts its production and hands
 * in its versions, so they must be allowed both actions. Read from the review contract's access
 * lists, so the choices offered and the function's check follow the contract if it changes.
 *
 * @example
 * canOwnItems(['operator'])          // true
 * canOwnItems(['field'])             // false
 * canOwnItems(['field', 'manager'])  // true
 */
export function canOwnItems(roles: readonly Role[]): boolean {
  return allows(reviewContract.startProduction.access, roles) && allows(reviewContract.submitVersion.access, roles)
}

/** The roles that may own items, in Chinese, for messages (e.g. 管理员、主管/审核、运营). */
export function ownerRoleLabels(): string {
  return ROLES.filter((r) => canOwnItems([r]))
    .map((r) => ROLE_LABELS[r])
    .join('、')
}
