// No zod here: every page reads the roles (issue 15 keeps zod out of the main package); their schemas are
// in core/team/schemas.ts.

/** The four roles of PRODUCT.md; one person may hold several. */
export const ROLES = ['admin', 'manager', 'operator', 'field'] as const
export type Role = (typeof ROLES)[number]

/**
 * Staff roles: everyone but field staff — the people who plan the calendar, produce and review
 * content, and read the analysis. Field staff log results and see the KPI cards. One list, so
 * "who may plan", "who may produce", "who may review" and "who may analyse" cannot drift apart.
 */
export const STAFF_ROLES = ['admin', 'manager', 'operator'] as const satisfies readonly Role[]
export type StaffRole = (typeof STAFF_ROLES)[number]

/**
 * Who edits the steering tools (issue 13): the risk register, the budget and the plan's phases. Admins and
 * managers; operators read the risks (and may propose one) and the phases, not the budget (money is
 * managers'); field staff see none of it.
 */
export const STEERING_EDITORS = ['admin', 'manager'] as const satisfies readonly Role[]

/**
 * Who may own a KPI (and so be told of its alerts and close its special analyses): managers and admins.
 * The KPI settings action, the notices and the owner picker all read this one list.
 */
export const KPI_OWNER_ROLES = ['manager', 'admin'] as const satisfies readonly Role[]

/** Whether a member with these roles may own a KPI. */
export const mayOwnKpi = (roles: readonly Role[]): boolean => roles.some((r) => (KPI_OWNER_ROLES as readonly Role[]).includes(r))

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  manager: '主管/审核',
  operator: '运营',
  field: '一线/外勤',
}

export const DEPARTMENTS = ['marketing', 'tech', 'sales', 'other'] as const
export type Department = (typeof DEPARTMENTS)[number]

export const DEPARTMENT_LABELS: Record<Department, string> = {
  marketing: '市场部',
  tech: '技术部',
  sales: '销售部',
  other: '其他',
}

/**
 * Who may call an action:
 * - `signedIn`: any caller with an identity, member of a team or not (create/join a team, read own profile);
 * - `member`: any active member of a team;
 * - a list of roles: an active member holding at least one of them.
 */
export type Access = 'signedIn' | 'member' | readonly Role[]

/**
 * Whether a caller with `roles` (undefined when not a member of any team) passes `access`.
 *
 * @example
 * allows(['admin'], ['field'])      // false
 * allows('member', ['field'])       // true
 * allows('member', undefined)       // false
 * allows('signedIn', undefined)     // true
 */
export function allows(access: Access, roles: readonly Role[] | undefined): boolean {
  if (access === 'signedIn') return true
  if (!roles || roles.length === 0) return false
  if (access === 'member') return true
  return access.some((r) => roles.includes(r))
}
