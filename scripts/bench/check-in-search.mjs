// Benchmark step: checkInSearch typed against an event of 2,000 registrations, the way staff at the
// door type a name: the first 1 to 6 letters of a participant's first or last name, one request per
// keystroke, one after the other. Everything goes through the running API. The event is one that
// already has 2,000 participants, else the bench's own ("Bench check-in search"), made (or topped
// up) by registering 2,000 of the data set's persons, spread over the alphabet.
import { createHash } from 'node:crypto';

const REGISTRATIONS = 2_000;
const TYPISTS = 34; // 34 names × 6 prefixes ≈ 200 queries
const MAX_PREFIX = 6;
const TITLE = 'Bench check-in search';
const PAGE = 500;

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round = (x) => Number(x.toFixed(1));
const hash = (text) => createHash('sha1').update(text).digest('hex');

/** Every page of a connection, following endCursor. */
async function allPages(gql, query, variables, pick) {
  const nodes = [];
  let after = null;
  for (;;) {
    const connection = pick(await gql(query, { ...variables, after }));
    nodes.push(...connection.edges.map((e) => e.node));
    if (!connection.pageInfo.hasNextPage) return nodes;
    after = connection.pageInfo.endCursor;
  }
}

async function eventWithRegistrations(gql, log) {
  const participantsOf = `participants(first: 0) { totalCount }`;
  const events = await allPages(
    gql,
    `query($after: String) { events(first: ${PAGE}, after: $after) {
       edges { node { id title ${participantsOf} } } pageInfo { hasNextPage endCursor } } }`,
    {},
    (d) => d.events,
  );
  const big = events
    .filter((e) => e.participants.totalCount >= REGISTRATIONS)
    .sort((a, b) => a.participants.totalCount - b.participants.totalCount)[0];
  if (big) return { id: big.id, participants: big.participants.totalCount, created: false };

  let event = events.find((e) => e.title === TITLE);
  if (!event) {
    const { createEvent } = await gql(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      {
        input: {
          meetingPlace: 'GRAND_HOTEL',
          title: TITLE,
          startsAt: new Date().toISOString(),
          endsAt: new Date(Date.now() + 4 * 3_600_000).toISOString(),
        },
      },
    );
    event = { id: createEvent.id };
  }
  // The same 2,000 persons every time (smallest hash of the id), so a top-up after an interrupted
  // run reaches 2,000 and not more.
  const persons = await allPages(
    gql,
    `query($after: String) { actors(filter: { kind: PERSON }, first: ${PAGE}, after: $after) {
       edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
    {},
    (d) => d.actors,
  );
  const chosen = persons
    .map((p) => p.id)
    .sort((a, b) => (hash(a) < hash(b) ? -1 : 1))
    .slice(0, REGISTRATIONS);
  log(`check-in search: registering ${chosen.length} persons for "${TITLE}"`);
  const register = `mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id } }`;
  for (let i = 0; i < chosen.length; i += 20) {
    await Promise.all(
      chosen.slice(i, i + 20).map((actorId, j) =>
        gql(register, {
          input: { eventId: event.id, actorId, role: (i + j) % 25 === 0 ? 'SPEAKER' : 'AUDIENCE' },
        }),
      ),
    );
  }
  const { event: found } = await gql(`query($id: ID!) { event(id: $id) { ${participantsOf} } }`, {
    id: event.id,
  });
  return { id: event.id, participants: found.participants.totalCount, created: true };
}

/**
 * @param {{ gql: (query: string, variables?: object) => Promise<any>, log?: (msg: string) => void }} api
 * @returns {Promise<{ p50: number, p95: number, max: number, queries: number, eventId: string, participants: number }>}
 */
export async function measureCheckInSearch({ gql, log = () => {} }) {
  const event = await eventWithRegistrations(gql, log);
  const names = (
    await allPages(
      gql,
      `query($id: ID!, $after: String) { event(id: $id) { participants(first: ${PAGE}, after: $after) {
         edges { node { actor { name } } } pageInfo { hasNextPage endCursor } } } }`,
      { id: event.id },
      (d) => d.event.participants,
    )
  ).map((p) => p.actor.name);

  // Deterministic choice of whom to type: every k-th participant by name, first or last name in turn.
  const step = Math.max(1, Math.floor(names.length / TYPISTS));
  const typed = [];
  for (let i = 0, typist = 0; i < names.length && typist < TYPISTS; i += step, typist++) {
    const words = names[i].split(/\s+/).filter(Boolean);
    const word = typist % 2 === 0 ? words[0] : words[words.length - 1];
    for (let n = 1; n <= Math.min(MAX_PREFIX, [...word].length); n++)
      typed.push([...word].slice(0, n).join(''));
  }

  const search = `query($e: ID!, $q: String!) { checkInSearch(eventId: $e, query: $q) {
    id status role checkedInAt actor { id name email organisation { name } } } }`;
  for (const q of typed.slice(0, 5)) await gql(search, { e: event.id, q }); // warm up
  const times = [];
  let results = 0;
  for (const q of typed) {
    const t0 = performance.now();
    const { checkInSearch } = await gql(search, { e: event.id, q });
    times.push(performance.now() - t0);
    results += checkInSearch.length;
  }
  return {
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    max: round(Math.max(...times)),
    queries: times.length,
    meanResults: round(results / times.length),
    eventId: event.id,
    participants: event.participants,
    eventCreated: event.created,
  };
}
