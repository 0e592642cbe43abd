import { ActorKind } from '@crm/domain';

/**
 * Which resolved fields read a person's personal data, and whose: the one place the access log
 * decides what counts as a read.
 *
 * - `Actor`, of kind PERSON: every field but `id` and `kind`. The name, email, title and gender
 *   identify or describe the person; everything else said about an identified person (their
 *   organisation, municipality, sector, step, history, participations, last activity) is personal
 *   data too. The bare id and kind say nothing about anyone. An organisation is not a person: its
 *   fields are not logged (its people are, when their own fields are read). A restricted person
 *   masked for a viewer who may not see them (GDPR art. 18: "Skyddad person", no data) is no read.
 * - `LadderReason.text` / `textSv` with a `viaActorId`: an organisation's reason names the person
 *   whose record it is ("Anna Andersson deltog i ...").
 *
 * `User` (staff accounts, not the people the CRM is about) is not personal data in this sense.
 */
export const PERSONAL_FIELDS: Readonly<Record<string, (field: string, source: unknown) => string | null>> =
  Object.freeze({
    Actor: (field: string, source: unknown) => {
      if (field === 'id' || field === 'kind' || field === '__typename') return null;
      const actor = source as { id?: string; kind?: string; masked?: boolean } | null;
      if (actor?.masked) return null;
      return actor?.kind === ActorKind.PERSON && actor.id ? actor.id : null;
    },
    LadderReason: (field: string, source: unknown) => {
      if (field !== 'text' && field !== 'textSv') return null;
      return (source as { viaActorId?: string | null } | null)?.viaActorId ?? null;
    },
  });

/** The person whose data resolving `type.field` on `source` reads, or null. */
export function personReadBy(type: string, field: string, source: unknown): string | null {
  const rule = PERSONAL_FIELDS[type];
  return rule ? rule(field, source) : null;
}
