import type { SessionUser } from '../auth/auth-api';
import { STAFF_ROLES } from '../auth/RequireSession';

/**
 * Who may create initiatives, change memberships and record engagements: the API's
 * WRITE_PARTICIPATIONS (ADMIN and EVENT_STAFF). A strategist reads them.
 */
export const INITIATIVE_WRITE_ROLES: SessionUser['role'][] = STAFF_ROLES;
