import { ParticipationRole, ParticipationSource, ParticipationStatus, Sector } from '@crm/domain';
import { EntityManager } from 'typeorm';
import { visibleActorSql } from './actor.repository';

/** The event an export is named after: its title and its date in Stockholm (`yyyy-mm-dd`). */
export interface ExportedEvent {
  id: string;
  title: string;
  date: string;
}

/** One participant as the export writes it; times already in Stockholm time. */
export interface ExportedParticipant {
  name: string;
  email: string | null;
  organisation: string | null;
  role: ParticipationRole;
  status: ParticipationStatus;
  source: ParticipationSource;
  /** `yyyy-mm-dd hh:mm`, Stockholm time; null when not checked in. */
  checkedIn: string | null;
  /** The person's municipality, else their organisation's. */
  municipality: string | null;
  sector: Sector;
  checkInCode: string;
}

/** Reads an event's participant list for the CSV and XLSX exports: one statement, by name. */
export class ParticipantExportRepository {
  constructor(private readonly em: EntityManager) {}

  async event(eventId: string): Promise<ExportedEvent | null> {
    const rows: ExportedEvent[] = await this.em.query(
      `SELECT id, title, to_char(starts_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS date
       FROM event WHERE id = $1`,
      [eventId],
    );
    return rows[0] ?? null;
  }

  /** Which of these actors are restricted (GDPR art. 18): left out of a list for all but ADMIN. */
  async restrictedAmong(actorIds: readonly string[]): Promise<Set<string>> {
    if (!actorIds.length) return new Set();
    const rows: { id: string }[] = await this.em.query(
      `SELECT id FROM actor WHERE id = ANY($1::uuid[]) AND restricted_at IS NOT NULL`,
      [actorIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * The event's participants, optionally of one status and/or one role, by name (then id, stable);
   * restricted persons only for a viewer who may see them.
   */
  async participants(
    eventId: string,
    filter: { status?: ParticipationStatus | null; role?: ParticipationRole | null } = {},
    seesRestricted = false,
  ): Promise<ExportedParticipant[]> {
    return this.em.query(
      `SELECT a.name, a.email, o.name AS organisation, p.role, p.status, p.source,
              to_char(p.checked_in_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') AS "checkedIn",
              m.name AS municipality, a.sector, p.check_in_code AS "checkInCode"
       FROM participation p
       JOIN actor a ON a.id = p.actor_id
       LEFT JOIN actor o ON o.id = a.organisation_id
       LEFT JOIN municipality m ON m.code = coalesce(a.municipality_code, o.municipality_code)
       WHERE p.event_id = $1
         AND ($2::text IS NULL OR p.status = $2::text)
         AND ($3::text IS NULL OR p.role = $3::text)
         AND ${visibleActorSql('a', seesRestricted)}
       ORDER BY a.name, p.id`,
      [eventId, filter.status ?? null, filter.role ?? null],
    );
  }
}
