import { can, Permission } from '@crm/domain';
import type { GraphqlContext } from '../auth/request-context';

/**
 * The name a restricted person (GDPR art. 18) shows to anyone but an ADMIN where they cannot be left
 * out: the participation a door check-in answers with, for instance. Swedish: the door and the web
 * app show it as it is.
 */
export const MASKED_PERSON_NAME = 'Skyddad person';

/** Whether a user of this role may see restricted persons (only RESTRICT_PROCESSING: ADMIN). */
export function seesRestricted(user: { role: Parameters<typeof can>[0] } | null | undefined): boolean {
  return !!user && can(user.role, Permission.RESTRICT_PROCESSING);
}

/** Whether the request's user may see restricted persons. */
export function viewerSeesRestricted(ctx: GraphqlContext): boolean {
  return seesRestricted(ctx.req.user);
}
