import type { SessionUser } from '../auth/auth-api';
import { PERSONAL_DATA_ROLES } from '../auth/RequireSession';

/**
 * Who may create initiatives, change memberships and record engagements: the API's
 * WRITE_INITIATIVES (ADMIN, EVENT_STAFF and STRATEGIST). The committee never sees these pages.
 */
export const INITIATIVE_WRITE_ROLES: SessionUser['role'][] = PERSONAL_DATA_ROLES;
