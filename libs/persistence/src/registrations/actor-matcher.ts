import { ActorKind, guessOrganisationSector, LegalBasis, Sector } from '@crm/domain';
import { EntityManager } from 'typeorm';
import { ActorEntity } from '../entities';
import { ActorRepository, ActorValues } from '../repositories/actor.repository';
import { hydrate } from '../sql';

export type MatchedBy = 'EMAIL' | 'ORGANISATION_NUMBER' | 'NAME' | 'NEW';

export interface Match {
  actor: ActorEntity;
  created: boolean;
  matchedBy: MatchedBy;
}

export interface OrganisationToMatch {
  name: string;
  organisationNumber: string | null;
  /** When absent a new organisation's sector is guessed from its name. */
  sector?: Sector | null;
  municipalityCode?: string | null;
  country?: string | null;
}

/**
 * How a matched person is read: shared-locked, so an anonymisation (which takes the row FOR UPDATE)
 * waits for the registration to commit, or the registration waits for the anonymisation and
 * PostgreSQL checks the row again: a person anonymised meanwhile no longer matches.
 */
const LOCK = 'FOR SHARE';
/** A person with this email who is not anonymised (an anonymised person has no email, but not yet in our snapshot). */
const BY_EMAIL = `lower(btrim(email)) = $1 AND anonymised_at IS NULL`;
/** Looks and inserts for one address before giving up: each retry means another transaction just took it. */
const EMAIL_ATTEMPTS = 3;

/**
 * Finds the actor a registration means, or creates it. Used by the registration import, by
 * registerParticipations and by the walk-in desk, so all three agree.
 *
 * - A person with an email is that email's person. The email's unique index settles races: two
 *   desks registering the same new address meet in the database and one row results.
 * - A matched person is read FOR SHARE and must not be anonymised: a registration racing an
 *   anonymisation either lands before it (and is kept, anonymised with the rest) or finds nobody
 *   and creates a new person, never a participation of the anonymous record.
 * - A person without an email is matched on name only when the match is confident: a unique person
 *   of that name and organisation (or, like the row, of none) among the event's participants, or a
 *   unique one of that name at that organisation.
 *   Otherwise a new person is created and a duplicate candidate recorded against each namesake.
 *   Anonymised persons are never matched, nor recorded as namesakes.
 * - An organisation is matched by organisation number, then by its normalised name (case,
 *   whitespace and legal forms such as AB or kommun ignored).
 *
 * Name matching takes a transaction-scoped advisory lock on the name key, so two concurrent
 * requests for the same new name cannot both decide to create it. Call it inside a transaction.
 */
export class ActorMatcher {
  private readonly actors: ActorRepository;

  constructor(
    private readonly em: EntityManager,
    private readonly userId: string | null,
  ) {
    this.actors = new ActorRepository(em);
  }

  async organisation(input: OrganisationToMatch): Promise<Match> {
    if (input.organisationNumber) {
      const byNumber = await this.select(`kind = 'ORGANISATION' AND organisation_number = $1`, [
        input.organisationNumber,
      ]);
      if (byNumber[0]) return { actor: byNumber[0], created: false, matchedBy: 'ORGANISATION_NUMBER' };
    }
    await this.lockName(ActorKind.ORGANISATION, input.name);
    // Same name: the one without a different organisation number, preferring one in the same
    // municipality, then the oldest (the one staff have most likely curated).
    const byName = await this.select(
      `kind = 'ORGANISATION' AND match_key = organisation_name_key($1)
         AND (organisation_number IS NULL OR $2::text IS NULL OR organisation_number = $2)`,
      [input.name, input.organisationNumber],
      `(municipality_code IS NOT DISTINCT FROM $3::char(4)) DESC, created_at, id`,
      [input.municipalityCode ?? null],
    );
    if (byName[0]) return { actor: byName[0], created: false, matchedBy: 'NAME' };

    const values: ActorValues = {
      kind: ActorKind.ORGANISATION,
      name: input.name,
      email: null,
      title: null,
      organisationId: null,
      gender: null,
      sector: input.sector ?? guessOrganisationSector(input.name),
      municipalityCode: input.municipalityCode ?? null,
      country: input.municipalityCode ? 'SE' : (input.country ?? 'SE'),
      organisationNumber: input.organisationNumber,
      legalBasis: LegalBasis.PUBLIC_INTEREST,
    };
    const inserted = await this.actors.insertIfNew(values, this.userId);
    if (inserted) return { actor: inserted, created: true, matchedBy: 'NEW' };
    // Another transaction registered the same organisation number between our look and our insert.
    const [taken] = await this.select(`kind = 'ORGANISATION' AND organisation_number = $1`, [
      input.organisationNumber,
    ]);
    return { actor: taken, created: false, matchedBy: 'ORGANISATION_NUMBER' };
  }

  /**
   * `values` are the validated values to create the person with; the email in them (already
   * normalised) and the name and organisation are what is matched on.
   */
  async person(values: ActorValues, context: { eventId?: string } = {}): Promise<Match> {
    if (values.email) {
      for (let attempt = 0; attempt < EMAIL_ATTEMPTS; attempt += 1) {
        const [byEmail] = await this.select(BY_EMAIL, [values.email], 'id', [], LOCK);
        if (byEmail) return { actor: byEmail, created: false, matchedBy: 'EMAIL' };
        const inserted = await this.actors.insertIfNew(values, this.userId);
        if (inserted) return { actor: inserted, created: true, matchedBy: 'NEW' };
        // Another transaction holds the address: look again (it may have been anonymised meanwhile).
      }
      throw new Error('a person with an email was neither found nor created');
    }

    await this.lockName(ActorKind.PERSON, values.name);
    // An anonymised person shares a name with every other one and with nobody real: never a match.
    const sameName = `kind = 'PERSON' AND match_key = person_name_key($1) AND anonymised_at IS NULL`;
    if (context.eventId) {
      // The same list imported again, or a walk-in who was on it: the event's own participant.
      const atEvent = await this.select(
        `${sameName} AND organisation_id IS NOT DISTINCT FROM $2::uuid
           AND id IN (SELECT actor_id FROM participation WHERE event_id = $3)`,
        [values.name, values.organisationId, context.eventId],
        undefined,
        [],
        LOCK,
      );
      if (atEvent.length === 1) return { actor: atEvent[0], created: false, matchedBy: 'NAME' };
    }
    if (values.organisationId) {
      const atOrganisation = await this.select(
        `${sameName} AND organisation_id = $2`,
        [values.name, values.organisationId],
        undefined,
        [],
        LOCK,
      );
      if (atOrganisation.length === 1) return { actor: atOrganisation[0], created: false, matchedBy: 'NAME' };
    }
    // Locked too: a namesake anonymised meanwhile is no longer one (no candidate against an anonymous record).
    const namesakes = await this.select(sameName, [values.name], 'created_at, id LIMIT 20', [], LOCK);
    const actor = await this.actors.insert(values, this.userId);
    await this.recordNamesakes(actor, namesakes);
    return { actor, created: true, matchedBy: 'NEW' };
  }

  private async recordNamesakes(actor: ActorEntity, namesakes: ActorEntity[]): Promise<void> {
    if (!namesakes.length) return;
    await this.em.query(
      `INSERT INTO duplicate_candidate (kind, actor_a, actor_b, score, reasons)
       SELECT 'PERSON', least($1::uuid, other), greatest($1::uuid, other), 0.9,
              ARRAY['Samma namn', 'Registrerad utan e-postadress']
       FROM unnest($2::uuid[]) AS other
       ON CONFLICT (actor_a, actor_b) DO NOTHING`,
      [actor.id, namesakes.map((n) => n.id)],
    );
  }

  private async lockName(kind: ActorKind, name: string): Promise<void> {
    const key = kind === ActorKind.PERSON ? 'person_name_key($1)' : 'organisation_name_key($1)';
    await this.em.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('actor-match:${kind}:' || ${key}, 0))`,
      [name],
    );
  }

  /**
   * Persons by normalised email, set-wise (the registration import's rows with an address): each
   * address's person, found under LOCK, or created. The unique index settles races as in person().
   * Answers email → id, and the ids created.
   */
  async personsByEmail(
    values: readonly ActorValues[],
  ): Promise<{ ids: Map<string, string>; created: Set<string> }> {
    const ids = new Map<string, string>();
    const created = new Set<string>();
    let missing = values.filter((v) => v.email);
    for (let attempt = 0; attempt < EMAIL_ATTEMPTS && missing.length; attempt += 1) {
      const found: { id: string; email: string }[] = await this.em.query(
        `SELECT id, lower(btrim(email)) AS email FROM actor
         WHERE lower(btrim(email)) = ANY ($1::text[]) AND anonymised_at IS NULL
         ORDER BY id ${LOCK}`,
        [missing.map((v) => v.email)],
      );
      for (const row of found) ids.set(row.email, row.id);
      const fresh = missing.filter((v) => !ids.has(v.email!));
      const inserted = await this.actors.insertManyIfNew(fresh, this.userId);
      for (const [email, id] of inserted) {
        ids.set(email, id);
        created.add(id);
      }
      // Addresses another transaction took between our look and our insert: look again.
      missing = fresh.filter((v) => !ids.has(v.email!));
    }
    if (missing.length) throw new Error('a person with an email was neither found nor created');
    return { ids, created };
  }

  private async select(
    condition: string,
    params: unknown[],
    orderBy = 'created_at, id',
    orderParams: unknown[] = [],
    lock = '',
  ): Promise<ActorEntity[]> {
    const rows = await this.em.query(`SELECT * FROM actor WHERE ${condition} ORDER BY ${orderBy} ${lock}`, [
      ...params,
      ...orderParams,
    ]);
    return hydrate(this.em, ActorEntity, rows);
  }
}
