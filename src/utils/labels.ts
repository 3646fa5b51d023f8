import { DEPARTMENT_LABELS, ROLE_LABELS, ROLES, type Department, type Role } from '../../core/roles'

/** Roles in the canonical order of core/roles, as Chinese labels. */
export function roleLabels(roles: readonly Role[]): string[] {
  return ROLES.filter((r) => roles.includes(r)).map((r) => ROLE_LABELS[r])
}

export function departmentLabel(department: Department): string {
  return DEPARTMENT_LABELS[department]
}

/** "2025-03-04 09:05" in the phone's time zone, from an ISO string. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

/** A greeting that fits the hour of `now`. */
export function greeting(now: Date): string {
  const h = now.getHours()
  if (h < 5) return '夜深了'
  if (h < 11) return '早上好'
  if (h < 13) return '中午好'
  if (h < 18) return '下午好'
  return '晚上好'
}
