// Benchmark step: a 5,000-row registration list uploaded to the running API and processed by the
// worker, timed from the upload to status DONE; then the same file again (which must change
// nothing). The list is real-shaped: Swedish Excel (semicolons, Windows-1252), a fifth of the rows
// people already in the data set (by email, some in capitals), a tenth without email, a few bad.
import iconv from 'iconv-lite';

const ROWS = 5_000;
const FIRST = [
  'Åsa',
  'Jörgen',
  'Märta',
  'Anna',
  'Erik',
  'Lars',
  'Karin',
  'Olof',
  'Linnéa',
  'Nils',
  'Sara',
  'Per',
];
const LAST = ['Öberg', 'Ärlig', 'Lindström', 'Nilsson', 'Holmgren', 'Sjöberg', 'Åström', 'Berg', 'Lundqvist'];
const ORGS = [
  'Skellefteå kommun',
  'Umeå universitet',
  'Norrmejerier AB',
  'Region Västerbotten',
  'Uminova Innovation',
];
const PLACES = ['Umeå', 'Skellefteå', 'Lycksele', 'Vilhelmina', 'Storuman', 'Stockholm', ''];
const ROLES = ['Publik', 'Publik', 'Publik', 'Publik', 'Talare', 'Moderator', 'Panel'];

async function makeList(db) {
  const known = (
    await db.query(
      `SELECT email, name FROM actor WHERE kind = 'PERSON' AND email IS NOT NULL ORDER BY id LIMIT $1`,
      [ROWS / 5],
    )
  ).rows;
  const tag = Date.now().toString(36);
  const lines = ['Förnamn;Efternamn;E-post;Organisation;Titel;Kommun;Roll;Närvaro;Allergier'];
  for (let i = 0; i < ROWS; i++) {
    const first = FIRST[i % FIRST.length];
    const last = `${LAST[(i * 7) % LAST.length]}-${i}`;
    const org = i % 3 === 0 ? '' : ORGS[i % ORGS.length];
    const place = PLACES[i % PLACES.length];
    const role = ROLES[i % ROLES.length];
    let email = `${first}.${last}.${tag}@exempel.se`
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '');
    if (i < known.length) email = i % 4 === 0 ? ` ${known[i].email.toUpperCase()} ` : known[i].email;
    else if (i % 10 === 1) email = '';
    else if (i % 250 === 7) email = 'trasig@@adress';
    const checkedIn = i % 2 === 0 ? 'Ja' : '';
    lines.push(
      [first, last, email, org, 'Utvecklare', place, role, checkedIn, i % 11 === 0 ? 'Nötter' : ''].join(';'),
    );
  }
  return iconv.encode(lines.join('\r\n') + '\r\n', 'win1252');
}

async function uploadAndWait(baseUrl, token, gql, eventId, bytes) {
  const form = new FormData();
  form.append('file', new Blob([bytes]), 'anmalningar.csv');
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}/events/${eventId}/registrations/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  const { id } = await res.json();
  const acceptedMs = performance.now() - t0;
  for (;;) {
    const { registrationImport: r } = await gql(
      `query($id: ID!) { registrationImport(id: $id) { status rows createdActors matchedActors
         createdParticipations updatedParticipations rejected { line } error } }`,
      { id },
    );
    if (r.status === 'DONE' || r.status === 'FAILED') {
      return { ms: performance.now() - t0, acceptedMs, ...r, rejected: r.rejected.length };
    }
    if (performance.now() - t0 > 300_000) throw new Error('import not done after 5 min');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function measureRegistrationImport({ baseUrl, token, gql, db }) {
  const { createEvent } = await gql(
    `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
    {
      input: {
        meetingPlace: 'MOTESPLATS_LYCKSELE',
        title: `Bench import ${new Date().toISOString()}`,
        startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    },
  );
  const bytes = await makeList(db);
  const first = await uploadAndWait(baseUrl, token, gql, createEvent.id, bytes);
  const again = await uploadAndWait(baseUrl, token, gql, createEvent.id, bytes);
  return { rows: ROWS, bytes: bytes.length, first, again };
}
