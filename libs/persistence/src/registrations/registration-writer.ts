import {
  ActorKind,
  LegalBasis,
  ParticipationRole,
  ParticipationSource,
  PRIVATE_PERSON_SECTOR,
  RegistrationRow,
  Sector,
} from '@crm/domain';
import { EntityManager } from 'typeorm';
import { ActorValues } from '../repositories/actor.repository';
import { ParticipationRepository } from '../repositories/participation.repository';
import { ActorMatcher } from './actor-matcher';
import { ImportCounts } from './registration-import.repository';

/** What a list row's organisation resolved to; kept for the rest of the file once committed. */
interface KnownOrganisation {
  id: string;
  sector: Sector;
  municipalityCode: string | null;
  country: string;
}

/** A row as the writer takes it: a role left out of the list (null) keeps the registered one. */
export type ListRegistration = Omit<RegistrationRow, 'role'> & { role: ParticipationRole | null };

export interface WrittenBatch extends ImportCounts {
  createdActorIds: string[];
  /** Organisations this batch found or created, by the key the file named them with. */
  organisations: Map<string, KnownOrganisation>;
  /** Every actor whose participation was written, for the ladder. */
  touchedActorIds: string[];
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Writes interpreted registration rows for one event: finds or creates each row's organisation and
 * person (ActorMatcher) and registers the participation. It runs on the caller's transaction; the
 * caller decides the batch size and what happens when the database refuses a row.
 */
export class RegistrationWriter {
  private readonly organisations = new Map<string, KnownOrganisation>();

  private constructor(
    private readonly eventId: string,
    private readonly userId: string | null,
    private readonly municipalities: ReadonlyMap<string, string>,
    private readonly source: ParticipationSource,
  ) {}

  static async forEvent(
    em: EntityManager,
    eventId: string,
    userId: string | null,
    source = ParticipationSource.IMPORT,
  ): Promise<RegistrationWriter> {
    const rows: { code: string; name: string }[] = await em.query(`SELECT code, name FROM municipality`);
    const byName = new Map<string, string>();
    for (const { code, name } of rows) {
      byName.set(code, code);
      byName.set(fold(name), code);
      byName.set(`${fold(name)} kommun`, code);
    }
    return new RegistrationWriter(eventId, userId, byName, source);
  }

  /** A municipality as lists write it ("Umeå", "umea kommun", "2480"); null when it is none of the 290. */
  municipalityCode(text: string | null): string | null {
    return text ? (this.municipalities.get(fold(text)) ?? null) : null;
  }

  /**
   * Writes a batch in a handful of statements: the rows' organisations (few, and remembered across
   * batches), every person with an email looked up at once and the new ones inserted at once, the
   * persons without one matched one by one (that needs the name lock), then every participation in
   * one upsert. A person a batch names twice (an email row and a name row that match the same
   * actor) is registered once and the later row reported.
   */
  async write(
    em: EntityManager,
    rows: readonly ListRegistration[],
    /** Actor id → the line that first named it; share it across calls that make up one batch. */
    firstLine = new Map<string, number>(),
  ): Promise<WrittenBatch> {
    const matcher = new ActorMatcher(em, this.userId);
    const learned = new Map<string, KnownOrganisation>();
    const batch: WrittenBatch = {
      organisations: learned,
      createdActors: 0,
      matchedActors: 0,
      createdParticipations: 0,
      updatedParticipations: 0,
      rejected: [],
      createdActorIds: [],
      touchedActorIds: [],
    };

    // 1. Organisations, and each row's values as a new person would have them.
    const people: { row: ListRegistration; values: ActorValues }[] = [];
    for (const row of rows) {
      const municipalityCode = this.municipalityCode(row.municipality);
      let organisation: KnownOrganisation | null = null;
      if (row.organisation || row.organisationNumber) {
        const name = row.organisation ?? row.organisationNumber!;
        const key = row.organisationNumber ?? `name:${fold(name)}`;
        organisation = this.organisations.get(key) ?? learned.get(key) ?? null;
        if (!organisation) {
          const match = await matcher.organisation({
            name,
            organisationNumber: row.organisationNumber,
            municipalityCode,
          });
          organisation = {
            id: match.actor.id,
            sector: match.actor.sector,
            municipalityCode: match.actor.municipalityCode,
            country: match.actor.country,
          };
          learned.set(key, organisation);
          if (match.created) {
            batch.createdActors += 1;
            batch.createdActorIds.push(match.actor.id);
          }
        }
      }
      people.push({
        row,
        values: {
          kind: ActorKind.PERSON,
          name: row.name,
          email: row.email,
          title: row.title,
          organisationId: organisation?.id ?? null,
          gender: row.gender,
          sector: organisation?.sector ?? PRIVATE_PERSON_SECTOR,
          municipalityCode: municipalityCode ?? organisation?.municipalityCode ?? null,
          country: municipalityCode ? 'SE' : (organisation?.country ?? 'SE'),
          organisationNumber: null,
          legalBasis: LegalBasis.PUBLIC_INTEREST,
        },
      });
    }

    // 2. Persons with an email: found (shared-locked, never an anonymised one) or created set-wise;
    //    the unique index settles races.
    const withEmail = people.filter((p) => p.values.email);
    const byEmail = await matcher.personsByEmail(withEmail.map((p) => p.values));

    const actorOf = new Map<ListRegistration, string>();
    // Whether an actor is new is a fact about the actor, not the row: a name row may match the
    // person an email row of the same batch just created.
    const created = new Set(byEmail.created);
    for (const { row, values } of withEmail) {
      const id = byEmail.ids.get(values.email!);
      if (!id) throw new Error('a person with an email was neither found nor created');
      actorOf.set(row, id);
    }
    // 3. Persons without one: a confident name match or a new person, one at a time.
    for (const { row, values } of people) {
      if (values.email) continue;
      const match = await matcher.person(values, { eventId: this.eventId });
      actorOf.set(row, match.actor.id);
      if (match.created) created.add(match.actor.id);
    }

    // 4. One registration per person, in one statement.
    const registrations: {
      actorId: string;
      role: ListRegistration['role'];
      status: ListRegistration['status'];
    }[] = [];
    for (const { row } of [...people].sort((a, b) => a.row.line - b.row.line)) {
      const id = actorOf.get(row)!;
      const earlier = firstLine.get(id);
      if (earlier !== undefined) {
        batch.rejected.push({ line: row.line, reason: `Samma person som på rad ${earlier}` });
        continue;
      }
      firstLine.set(id, row.line);
      if (created.has(id)) {
        batch.createdActors += 1;
        batch.createdActorIds.push(id);
      } else {
        batch.matchedActors += 1;
      }
      registrations.push({ actorId: id, role: row.role, status: row.status });
    }
    const outcomes = await new ParticipationRepository(em).registerManyFromList(
      this.eventId,
      registrations,
      this.source,
      this.userId,
    );
    for (const [actorId, outcome] of outcomes) {
      if (outcome === 'CREATED') batch.createdParticipations += 1;
      if (outcome === 'UPDATED') batch.updatedParticipations += 1;
      batch.touchedActorIds.push(actorId);
    }
    return batch;
  }

  /** After the batch's transaction committed: its organisations are real for the rest of the file. */
  remember(batch: WrittenBatch): void {
    for (const [key, organisation] of batch.organisations) this.organisations.set(key, organisation);
  }
}
