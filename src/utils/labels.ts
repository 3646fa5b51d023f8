import { DEPARTMENT_LABELS, ROLE_LABELS, ROLES, type Department, type Role } from '../../core/roles'
import { inChina } from '../../core/time/china'

/** Roles in the canonical order of core/roles, as Chinese labels. */
export function roleLabels(roles: readonly Role[]): string[] {
  return ROLES.filter((r) => roles.includes(r)).map((r) => ROLE_LABELS[r])
}

export function departmentLabel(department: Department): string {
  return DEPARTMENT_LABELS[department]
}

/** "2025-03-04 09:05" in China time (the team's working clock, whatever the phone's zone), from an ISO string. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return inChina(d).format('YYYY-MM-DD HH:mm')
}

/** A greeting that fits the China-time hour of `now`. */
export function greeting(now: Date): string {
  const h = inChina(now).hour()
  if (h < 5) return '夜深了'
  if (h < 11) return '早上好'
  if (h < 13) return '中午好'
  if (h < 18) return '下午好'
  return '晚上好'
}
