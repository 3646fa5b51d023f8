/**
 * A team's data export (team.exportTeamData): every collection holding the team's records, one JSON
 * line per document, written to cloud storage. The file starts with one header line:
 *
 * @example
 * {"header":{"format":"channels-ops-team-export","version":1,"teamId":"…","exportedAt":"2026-11-27T02:00:00.000Z",…,"counts":{"teams":1,"members":6,…}}}
 * {"collection":"teams","doc":{"_id":"…","name":"…","createdAt":{"$date":"2026-08-01T02:00:00.000Z"},…}}
 *
 * Dates are written as MongoDB Extended JSON (`{"$date": ISO}`) so a restore can tell them from text.
 */
export const EXPORT_FORMAT = 'channels-ops-team-export'
export const EXPORT_FORMAT_VERSION = 1

/** One exported collection as the screen lists it: its stored name, its name in Chinese, how many documents. */
export interface ExportedCollection {
  collection: string
  label: string
  count: number
}

export interface ExportHeader {
  format: typeof EXPORT_FORMAT
  version: typeof EXPORT_FORMAT_VERSION
  teamId: string
  teamName: string
  exportedAt: string
  exportedBy: string
  /** Documents per collection, in file order (every exported collection, zero included). */
  counts: Record<string, number>
  /** Collections of the registry left out, each with why. */
  excluded: Record<string, string>
  /** Fields masked or dropped, in words. */
  redacted: string[]
}

/** What the action answers: where the file is and what it holds. */
export interface TeamExport {
  fileID: string
  /** A temporary download address for the file (CloudBase: valid for a day). */
  tempFileURL: string
  fileName: string
  bytes: number
  exportedAt: string
  counts: Record<string, number>
  collections: ExportedCollection[]
}
