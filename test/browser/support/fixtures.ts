import { Client } from 'pg';
import { adminGraphql } from './browser';

/** Today's event at Mötesplats Lycksele (started an hour ago, four hours long). */
export async function createEventToday(title: string): Promise<string> {
  const data = await adminGraphql<{ createEvent: { id: string } }>(
    `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
    {
      input: {
        meetingPlace: 'MOTESPLATS_LYCKSELE',
        title,
        startsAt: new Date(Date.now() - 3_600_000).toISOString(),
        endsAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
        format: 'SEMINAR',
      },
    },
  );
  return data.createEvent.id;
}

export async function createPerson(name: string, email: string | null = null): Promise<string> {
  const data = await adminGraphql<{ createPerson: { id: string } }>(
    `mutation ($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
    { input: { name, email, municipalityCode: '2481', sector: 'PUBLIC_SECTOR' } },
  );
  return data.createPerson.id;
}

export async function register(eventId: string, actorId: string, role = 'AUDIENCE'): Promise<void> {
  await adminGraphql(
    `mutation ($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id } }`,
    { input: { eventId, actorId, role } },
  );
}

export interface ParticipantState {
  name: string;
  status: string;
  checkedInAt: string | null;
  checkInCode: string;
}

/** The event's participants as the API has them (admin token), by name. */
export async function participants(eventId: string): Promise<Map<string, ParticipantState>> {
  const data = await adminGraphql<{
    event: {
      participants: {
        edges: {
          node: { status: string; checkedInAt: string | null; checkInCode: string; actor: { name: string } };
        }[];
      };
    };
  }>(
    `query ($id: ID!) { event(id: $id) { participants(first: 500) {
       edges { node { status checkedInAt checkInCode actor { name } } } } } }`,
    { id: eventId },
  );
  return new Map(
    data.event.participants.edges.map(({ node }) => [
      node.actor.name,
      {
        name: node.actor.name,
        status: node.status,
        checkedInAt: node.checkedInAt,
        checkInCode: node.checkInCode,
      },
    ]),
  );
}

/** A read-only look into the suite's database (for what the API does not show, such as the audit trail). */
export async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: process.env.BROWSER_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
