import { Role } from '@crm/domain';
import ExcelJS from 'exceljs';
import { Json, TestApi } from '../support/api';
import { Factory } from '../support/factories';
import { pdfText } from '../support/pdf';

const FIGURES = `figures {
  formatVersion disclosureMinCount
  summary {
    engagedActors { current previousQuarter yearEarlier suppressed }
    newActors { current previousQuarter yearEarlier suppressed }
    movedUp { current previousQuarter yearEarlier suppressed }
    movedDown { current previousQuarter yearEarlier suppressed }
    passiveToActive { current previousQuarter yearEarlier suppressed }
    largestChanges { textSv subjectSv change }
  }
  ladder {
    atEnd { step count suppressed }
    atEndPreviousQuarter { step count suppressed }
    atEndYearEarlier { step count suppressed }
    movement { from to count suppressed }
    history { label steps { step count suppressed } }
  }
  meetingPlaces {
    code
    attendance { current previousQuarter yearEarlier suppressed }
    uniqueActors { current previousQuarter yearEarlier suppressed }
    newActors { current previousQuarter yearEarlier suppressed }
    ladderMix { step count suppressed }
  }
  synergy { current previousQuarter yearEarlier suppressed }
  sectors { sector ladderMix { step count suppressed } engaged { current previousQuarter yearEarlier suppressed } }
  crossSectorInitiatives { name members suppressed }
  municipalities {
    code
    engaged { current previousQuarter yearEarlier suppressed }
    participants { current previousQuarter yearEarlier suppressed }
  }
  subRegions {
    code
    engaged { current previousQuarter yearEarlier suppressed }
    participants { current previousQuarter yearEarlier suppressed }
  }
  outsideCounty { engaged { current previousQuarter yearEarlier } participants { current previousQuarter yearEarlier } }
  unknownLocation { engaged { current previousQuarter yearEarlier } participants { current previousQuarter yearEarlier } }
  gender {
    participants { gender count suppressed }
    onStage { gender count suppressed }
    perMeetingPlace { code participants { gender count suppressed } onStage { gender count suppressed } }
    lastFourQuarters { label participants { gender count suppressed } onStage { gender count suppressed } }
  }
  reachedInfluence { kind descriptionSv reachedOn reasonSv }
  reachedInfluencePersons {
    total suppressed
    perSector { sector count suppressed }
    perMeetingPlace { code nameSv count suppressed }
  }
}`;

const COUNT_FIELDS = new Set(['count', 'current', 'previousQuarter', 'yearEarlier', 'members', 'total']);

/** Every count of the answer with where it stands. */
function counts(value: unknown, path = ''): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => counts(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]): [string, unknown][] =>
    COUNT_FIELDS.has(key) ? [[`${path}.${key}`, v]] : counts(v, `${path}.${key}`),
  );
}

const HYPERLINK = '=HYPERLINK("http://x")';
const SUM = '+SUM(A1)';

/**
 * A quarter with a handful of persons, one of them a woman in Sorsele on step 5 who is her
 * municipality's "Kommunchef": what the committee receives of the report singles no one out.
 */
describe('disclosure control of the quarterly report for the committee', () => {
  let api: TestApi;
  let make: Factory;
  const tokens: Partial<Record<Role, string>> = {};
  let report: Json;
  let eventId: string;

  beforeAll(async () => {
    api = await TestApi.start({ worker: true });
    make = new Factory(api);
    for (const role of [Role.STRATEGIST, Role.COMMITTEE]) tokens[role] = await make.user(role);

    const sorsele = await make.organisation({
      name: 'Sorsele kommun',
      sector: 'PUBLIC_SECTOR',
      municipalityCode: '2422',
    });
    const hyperlink = await make.organisation({
      name: HYPERLINK,
      sector: 'BUSINESS',
      municipalityCode: '2480',
    });
    const sum = await make.organisation({ name: SUM, sector: 'BUSINESS', municipalityCode: '2480' });
    const event = await make.event({
      meetingPlace: 'MOTESPLATS_LYCKSELE',
      startsAt: '2026-08-12T08:00:00.000Z',
      endsAt: null,
    });
    eventId = event.id;
    const chief = await make.person({
      name: 'Anna Andersson',
      title: 'Kommunchef',
      organisationId: sorsele.id,
      gender: 'WOMAN',
      sector: 'PUBLIC_SECTOR',
    });
    const others = [
      await make.person({ name: 'Bo Berg', gender: 'MAN', municipalityCode: '2480', sector: 'BUSINESS' }),
      await make.person({ name: 'Cilla Ek', gender: 'WOMAN', municipalityCode: '2482', sector: 'BUSINESS' }),
      await make.person({ name: 'Dan Falk', gender: 'MAN', municipalityCode: '2482', sector: 'BUSINESS' }),
      await make.person({ name: 'Eva Gran', gender: 'WOMAN', municipalityCode: '2482', sector: 'BUSINESS' }),
      await make.person({ name: 'Finn Hed', gender: 'MAN', municipalityCode: '2482', sector: 'BUSINESS' }),
    ];
    const register = (actorId: string, role: string) =>
      api.ok(
        `mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id } }`,
        {
          input: { eventId: event.id, actorId, role, status: 'ATTENDED' },
        },
      );
    await register(chief.id, 'SPEAKER');
    for (const person of others) await register(person.id, 'AUDIENCE');
    const influence = (actorId: string, occurredOn: string) =>
      api.ok(`mutation($input: RecordEngagementInput!) { recordEngagement(input: $input) { id } }`, {
        input: { actorId, kind: 'POLICY_INFLUENCE', occurredOn },
      });
    await influence(chief.id, '2026-08-20');
    await influence(hyperlink.id, '2026-08-25');
    await influence(sum.id, '2026-08-26');
    await api.ladderSettled();

    const ordered = await api.gql(
      `mutation { generateQuarterlyReport(year: 2026, quarter: 3) { id } }`,
      {},
      tokens[Role.STRATEGIST],
    );
    expect(ordered.errors).toBeUndefined();
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { quarterlyReport } = await api.ok(
        `{ quarterlyReport(year: 2026, quarter: 3) { id status error pdfUrl xlsxUrl } }`,
      );
      if (quarterlyReport.status === 'READY') {
        report = quarterlyReport;
        break;
      }
      if (quarterlyReport.status === 'FAILED') throw new Error(quarterlyReport.error);
      if (Date.now() > deadline) throw new Error(`report still ${quarterlyReport.status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  afterAll(() => api.close());

  const figuresAs = async (role: Role): Promise<Json> =>
    (await api.ok(`{ quarterlyReport(year: 2026, quarter: 3) { ${FIGURES} } }`, {}, tokens[role]))
      .quarterlyReport.figures;
  const download = async (path: string): Promise<Buffer> => {
    const res = await fetch(`${api.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${tokens[Role.COMMITTEE]}` },
    });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };

  it('answers the committee with no count of 1 or 2 and no person described', async () => {
    const figures = await figuresAs(Role.COMMITTEE);
    expect(figures.disclosureMinCount).toBe(3);
    const all = counts(figures);
    expect(all.length).toBeGreaterThan(300);
    // The one small count shown counts organisations alone (not personal data, shown as it is):
    // the two businesses on step 5.
    expect(all.filter(([, n]) => n === 1 || n === 2)).toEqual([['.sectors[1].ladderMix[4].count', 2]]);
    expect(figures.sectors[1].sector).toBe('BUSINESS');
    // Withheld counts are null with suppressed: true beside them.
    const sorsele = figures.municipalities.find((m: Json) => m.code === '2422');
    expect(sorsele.engaged).toMatchObject({ current: null, suppressed: true });
    expect(figures.reachedInfluencePersons).toMatchObject({ total: null, suppressed: true });
    expect(figures.gender.onStage.find((g: Json) => g.gender === 'WOMAN')).toEqual({
      gender: 'WOMAN',
      count: null,
      suppressed: true,
    });
    // Counts that hide no one are published: six persons attended Mötesplats Lycksele.
    const lycksele = figures.meetingPlaces.find((p: Json) => p.code === 'MOTESPLATS_LYCKSELE');
    expect(lycksele.uniqueActors.current).toBe(6);
    // Organisations are named; the person is not described.
    expect(figures.reachedInfluence.every((r: Json) => r.kind === 'ORGANISATION')).toBe(true);
    expect(figures.reachedInfluence.map((r: Json) => r.descriptionSv)).toEqual(
      expect.arrayContaining(['Sorsele kommun', HYPERLINK, SUM]),
    );
    const text = JSON.stringify(figures);
    expect(text).not.toMatch(/Kommunchef|Anna Andersson/);
  });

  it('gives staff exact numbers, but still no description of a person', async () => {
    const figures = await figuresAs(Role.STRATEGIST);
    expect(figures.disclosureMinCount).toBeNull();
    expect(counts(figures).every(([, n]) => typeof n === 'number')).toBe(true);
    const sorsele = figures.municipalities.find((m: Json) => m.code === '2422');
    expect(sorsele.engaged).toMatchObject({ current: 2, suppressed: false }); // the kommun and its chief
    expect(figures.reachedInfluencePersons.total).toBe(1);
    expect(figures.reachedInfluencePersons.perSector).toContainEqual({
      sector: 'PUBLIC_SECTOR',
      count: 1,
      suppressed: false,
    });
    expect(figures.reachedInfluencePersons.perMeetingPlace).toContainEqual({
      code: 'MOTESPLATS_LYCKSELE',
      nameSv: 'Mötesplats Lycksele',
      count: 1,
      suppressed: false,
    });
    expect(JSON.stringify(figures)).not.toMatch(/Kommunchef|Anna Andersson/);
  });

  it('prints "<3" in the PDF and describes no person', async () => {
    const text = (await pdfText(await download(report.pdfUrl))).replace(/[\s\u00a0]+/g, ' ');
    expect(text).not.toMatch(/Kommunchef|Anna Andersson|Bo Berg/);
    expect(text).toContain('<3 personer nådde steg 5 under kvartalet.');
    expect(text).toContain('Sorsele kommun'); // organisations are named
    // The municipalities, the gender balance and the step 5 persons hold no 1 or 2.
    const sorsele = /Sorsele Inlandet (\S+ ){5}\S+/.exec(text)![0];
    expect(sorsele).toBe('Sorsele Inlandet <3 0 0 <3 0 0');
    const gender = text.slice(
      text.indexOf('Jämn könsfördelning'),
      text.indexOf('Nått steg 5 under kvartalet'),
    );
    expect(gender).not.toMatch(/(^| )[12] \(/);
    expect(gender).toContain('<3');
  });

  it('writes "<3" in the spreadsheet, no person, and organisation names as text, never formulas', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download(report.xlsxUrl)) as unknown as ArrayBuffer);
    const small: string[] = [];
    const texts: string[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row, r) => {
        row.eachCell((cell, c) => {
          if (typeof cell.value === 'string') texts.push(cell.value);
          if (cell.value !== 1 && cell.value !== 2) return;
          // Counts of events, of sectors and the version number are not counts of persons.
          if (ws.name === 'Mötesplatser' && c >= 2 && c <= 4) return;
          if (ws.name === 'Initiativ' && c === 4) return;
          if (ws.name === 'Sammanfattning' && row.getCell(1).value === 'Version') return;
          if (cell.numFmt !== '#,##0') return; // shares and changes have their own formats
          // Businesses on step 5: two organisations and no person, shown as it is.
          if (ws.name === 'Sektorer' && row.getCell(1).value === 'Näringsliv' && c === 6) return;
          small.push(`${ws.name}!R${r}C${c}=${String(cell.value)}`);
        });
      });
    }
    expect(small).toEqual([]);
    expect(texts).toContain('<3');
    expect(texts.join('\n')).not.toMatch(/Kommunchef|Anna Andersson/);

    const steps = wb.getWorksheet('Steg 5')!;
    const names: ExcelJS.Cell[] = [];
    steps.eachRow((row) => {
      const cell = row.getCell(1);
      if (cell.value === HYPERLINK || cell.value === SUM) names.push(cell);
    });
    expect(names.map((c) => c.value).sort()).toEqual([SUM, HYPERLINK].sort());
    for (const cell of names) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
  });

  it('withholds the persons described in a report made before this change (figures format 1)', async () => {
    // A version frozen by the old code: no format version, no persons behind the counts, and a
    // person described by title and organisation. Its stored files stay as they were.
    const [{ figures }] = await api.dataSource.query(
      `SELECT figures FROM quarterly_report WHERE year = 2026 AND quarter = 3 AND version = 1`,
    );
    const old = { ...figures, quarter: 2 };
    delete old.formatVersion;
    delete old.personCounts;
    delete old.reachedInfluencePersons;
    old.reachedInfluence = [
      ...old.reachedInfluence,
      { kind: 'PERSON', descriptionSv: 'Kommunchef, Sorsele kommun', reachedOn: '2026-05-20', reasonSv: 'x' },
    ];
    await api.dataSource.query(
      `INSERT INTO quarterly_report (year, quarter, version, status, figures, pdf, xlsx, generated_at)
       VALUES (2026, 2, 1, 'READY', $1, '\\x25504446'::bytea, '\\x504b0304'::bytea, now())`,
      [JSON.stringify(old)],
    );
    const read = async (role: Role) =>
      (
        await api.ok(
          `{ quarterlyReport(year: 2026, quarter: 2) {
               figures { formatVersion reachedInfluence { kind descriptionSv }
                         reachedInfluencePersons { total suppressed perSector { count } }
                         municipalities { code engaged { current suppressed } } } } }`,
          {},
          tokens[role],
        )
      ).quarterlyReport.figures;
    for (const role of [Role.COMMITTEE, Role.STRATEGIST]) {
      const f = await read(role);
      expect(f.formatVersion).toBe(1);
      expect(JSON.stringify(f)).not.toContain('Kommunchef');
      expect(f.reachedInfluence.every((r: Json) => r.kind === 'ORGANISATION')).toBe(true);
      expect(f.reachedInfluencePersons.perSector).toEqual([]);
    }
    // Without the persons behind each count, the committee's counts are judged as all persons.
    const committee = await read(Role.COMMITTEE);
    expect(committee.reachedInfluencePersons).toMatchObject({ total: null, suppressed: true });
    expect(committee.municipalities.find((m: Json) => m.code === '2422').engaged).toEqual({
      current: null,
      suppressed: true,
    });
    const staff = await read(Role.STRATEGIST);
    expect(staff.reachedInfluencePersons).toMatchObject({ total: 1, suppressed: false });
    expect(staff.municipalities.find((m: Json) => m.code === '2422').engaged.current).toBe(2);
  });

  it('lists the changes of a corrected version without a count of 1 or 2 for the committee', async () => {
    // A late correction: one more person from Sorsele at the quarter's event.
    const late = await make.person({ name: 'Gun Ivarsson', gender: 'WOMAN', municipalityCode: '2422' });
    await api.ok(
      `mutation($input: RegisterParticipationInput!) { registerParticipation(input: $input) { id } }`,
      { input: { eventId, actorId: late.id, role: 'AUDIENCE', status: 'ATTENDED' } },
    );
    await api.ladderSettled();
    await api.ok(
      `mutation { generateQuarterlyReport(year: 2026, quarter: 3) { id } }`,
      {},
      tokens[Role.STRATEGIST],
    );
    const changesAs = async (role: Role): Promise<Json[]> => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const { quarterlyReport } = await api.ok(
          `{ quarterlyReport(year: 2026, quarter: 3, version: 2) { status changes { whatSv before after suppressed } } }`,
          {},
          tokens[role],
        );
        if (quarterlyReport?.status === 'READY') return quarterlyReport.changes;
        if (Date.now() > deadline) throw new Error(`version 2 still ${quarterlyReport?.status}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const staff = await changesAs(Role.STRATEGIST);
    expect(staff).toContainEqual({
      whatSv: 'Sorsele › Engagerade',
      before: 2,
      after: 3,
      suppressed: false,
    });
    const committee = await changesAs(Role.COMMITTEE);
    expect(committee.length).toBeGreaterThan(0);
    for (const change of committee) {
      expect({ change, small: [1, 2].includes(change.before) || [1, 2].includes(change.after) }).toEqual({
        change,
        small: false,
      });
    }
    expect(committee.find((c) => c.whatSv === 'Sorsele › Engagerade')).toBeUndefined(); // <3 both times
  });
});
