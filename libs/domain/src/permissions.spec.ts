import { Role } from './enums';
import { Permission, ROLE_PERMISSIONS, can } from './permissions';

const P = Permission;
// The full matrix, written out independently of the implementation so a change shows up here.
const expected: Record<Role, Record<Permission, boolean>> = {
  [Role.ADMIN]: {
    [P.READ_PERSONAL_DATA]: true,
    [P.READ_AGGREGATES]: true,
    [P.READ_REFERENCE]: true,
    [P.WRITE_ACTORS]: true,
    [P.WRITE_EVENTS]: true,
    [P.WRITE_PARTICIPATIONS]: true,
    [P.WRITE_INITIATIVES]: true,
    [P.MANAGE_USERS]: true,
    [P.ADMINISTER_LADDER]: true,
    [P.MERGE_ACTORS]: true,
    [P.GENERATE_REPORTS]: true,
    [P.READ_ACCESS_LOG]: true,
    [P.EXPORT_PERSONAL_DATA]: true,
    [P.RESTRICT_PROCESSING]: true,
    [P.ERASE_PERSONAL_DATA]: true,
    [P.MANAGE_RETENTION]: true,
  },
  [Role.EVENT_STAFF]: {
    [P.READ_PERSONAL_DATA]: true,
    [P.READ_AGGREGATES]: true,
    [P.READ_REFERENCE]: true,
    [P.WRITE_ACTORS]: true,
    [P.WRITE_EVENTS]: true,
    [P.WRITE_PARTICIPATIONS]: true,
    [P.WRITE_INITIATIVES]: true,
    [P.MANAGE_USERS]: false,
    [P.ADMINISTER_LADDER]: false,
    [P.MERGE_ACTORS]: true,
    [P.GENERATE_REPORTS]: false,
    [P.READ_ACCESS_LOG]: false,
    [P.EXPORT_PERSONAL_DATA]: false,
    [P.RESTRICT_PROCESSING]: false,
    [P.ERASE_PERSONAL_DATA]: false,
    [P.MANAGE_RETENTION]: false,
  },
  [Role.STRATEGIST]: {
    [P.READ_PERSONAL_DATA]: true,
    [P.READ_AGGREGATES]: true,
    [P.READ_REFERENCE]: true,
    [P.WRITE_ACTORS]: true,
    [P.WRITE_EVENTS]: false,
    [P.WRITE_PARTICIPATIONS]: false,
    [P.WRITE_INITIATIVES]: true,
    [P.MANAGE_USERS]: false,
    [P.ADMINISTER_LADDER]: false,
    [P.MERGE_ACTORS]: false,
    [P.GENERATE_REPORTS]: true,
    [P.READ_ACCESS_LOG]: false,
    [P.EXPORT_PERSONAL_DATA]: false,
    [P.RESTRICT_PROCESSING]: false,
    [P.ERASE_PERSONAL_DATA]: false,
    [P.MANAGE_RETENTION]: false,
  },
  [Role.COMMITTEE]: {
    [P.READ_PERSONAL_DATA]: false,
    [P.READ_AGGREGATES]: true,
    [P.READ_REFERENCE]: true,
    [P.WRITE_ACTORS]: false,
    [P.WRITE_EVENTS]: false,
    [P.WRITE_PARTICIPATIONS]: false,
    [P.WRITE_INITIATIVES]: false,
    [P.MANAGE_USERS]: false,
    [P.ADMINISTER_LADDER]: false,
    [P.MERGE_ACTORS]: false,
    [P.GENERATE_REPORTS]: false,
    [P.READ_ACCESS_LOG]: false,
    [P.EXPORT_PERSONAL_DATA]: false,
    [P.RESTRICT_PROCESSING]: false,
    [P.ERASE_PERSONAL_DATA]: false,
    [P.MANAGE_RETENTION]: false,
  },
};

const cases = Object.values(Role).flatMap((role) =>
  Object.values(Permission).map((permission) => [role, permission, expected[role][permission]] as const),
);

describe('permissions', () => {
  it('has string values equal to keys', () => {
    for (const [key, value] of Object.entries(Permission)) expect(value).toBe(key);
  });

  it('covers all 4 × 16 role/permission pairs', () => {
    expect(cases).toHaveLength(64);
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual(Object.values(Role).sort());
  });

  it.each(cases)('%s may %s: %p', (role, permission, allowed) => {
    expect(can(role, permission)).toBe(allowed);
    expect(ROLE_PERMISSIONS[role].has(permission)).toBe(allowed);
  });

  it('denies unknown roles rather than throwing', () => {
    expect(can('HACKER' as Role, Permission.READ_REFERENCE)).toBe(false);
  });
});
