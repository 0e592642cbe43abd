import { EntityManager } from 'typeorm';

export type AuditedEntity =
  | 'actor'
  | 'event'
  | 'participation'
  | 'app_user'
  | 'initiative'
  | 'initiative_membership'
  | 'engagement'
  | 'registration_import'
  | 'duplicate_candidate'
  | 'quarterly_report'
  | 'saved_filter'
  | 'consent';

/** Who changed what and when. Field names only: the trail must not become a second copy of personal data. */
export class AuditRepository {
  constructor(private readonly em: EntityManager) {}

  async record(
    userId: string | null,
    action: string,
    entity: AuditedEntity,
    entityId: string,
    changedFields: readonly string[] = [],
  ): Promise<void> {
    await this.em.query(
      `INSERT INTO audit_log (user_id, action, entity, entity_id, changed_fields) VALUES ($1, $2, $3, $4, $5)`,
      [userId, action, entity, entityId, changedFields],
    );
  }
}
