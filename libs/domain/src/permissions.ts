import { Role } from './enums';

export enum Permission {
  READ_PERSONAL_DATA = 'READ_PERSONAL_DATA',
  READ_AGGREGATES = 'READ_AGGREGATES',
  READ_REFERENCE = 'READ_REFERENCE',
  WRITE_ACTORS = 'WRITE_ACTORS',
  WRITE_EVENTS = 'WRITE_EVENTS',
  WRITE_PARTICIPATIONS = 'WRITE_PARTICIPATIONS',
  MANAGE_USERS = 'MANAGE_USERS',
  /** Run a full recomputation of the ladder. */
  ADMINISTER_LADDER = 'ADMINISTER_LADDER',
  /**
   * Merge two actors who are one (moving everything recorded about the merged one onto the kept one,
   * then deleting it) and dismiss duplicate candidates that are not.
   */
  MERGE_ACTORS = 'MERGE_ACTORS',
  /**
   * Record the evidence beyond attendance: create initiatives, add and end memberships, record and
   * remove engagements (event staff and the strategists who work with the initiatives).
   */
  WRITE_INITIATIVES = 'WRITE_INITIATIVES',
  /** Order a new version of a quarterly report to the committee (the scheduler needs no one). */
  GENERATE_REPORTS = 'GENERATE_REPORTS',
  /** Read the access log (who read whose personal data) and its weekly follow-up: ADMIN only. */
  READ_ACCESS_LOG = 'READ_ACCESS_LOG',
  /** Produce a register extract (GDPR art. 15) of a person: ADMIN only. */
  EXPORT_PERSONAL_DATA = 'EXPORT_PERSONAL_DATA',
  /**
   * Restrict a person's processing and lift it, and see restricted persons (hidden from everyone
   * else): ADMIN only.
   */
  RESTRICT_PROCESSING = 'RESTRICT_PROCESSING',
  /** Anonymise a person, or delete one with no recorded evidence: ADMIN only. */
  ERASE_PERSONAL_DATA = 'ERASE_PERSONAL_DATA',
  /** Manage the retention rules (gallring), preview and start runs: ADMIN only. */
  MANAGE_RETENTION = 'MANAGE_RETENTION',
}

const permissions = (...list: Permission[]): ReadonlySet<Permission> => new Set(list);

/**
 * Who may do what, as data so it can be reviewed (and tested) in one place. The committee sees
 * only aggregates: it receives reports, never personal data.
 */
export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = Object.freeze({
  [Role.ADMIN]: permissions(...Object.values(Permission)),
  [Role.EVENT_STAFF]: permissions(
    Permission.READ_PERSONAL_DATA,
    Permission.READ_AGGREGATES,
    Permission.READ_REFERENCE,
    Permission.WRITE_ACTORS,
    Permission.WRITE_EVENTS,
    Permission.WRITE_PARTICIPATIONS,
    Permission.WRITE_INITIATIVES,
    Permission.MERGE_ACTORS,
  ),
  [Role.STRATEGIST]: permissions(
    Permission.READ_PERSONAL_DATA,
    Permission.READ_AGGREGATES,
    Permission.READ_REFERENCE,
    Permission.WRITE_ACTORS,
    Permission.WRITE_INITIATIVES,
    Permission.GENERATE_REPORTS,
  ),
  [Role.COMMITTEE]: permissions(Permission.READ_AGGREGATES, Permission.READ_REFERENCE),
});

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role]?.has(permission) ?? false;
}
