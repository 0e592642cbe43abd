import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { RegisterExtract } from './extract-content';
import { accessOperationSv, auditActionSv, changedFieldSv, duplicateReasonSv } from './extract-labels';
import { renderExtractPdf } from './render-extract-pdf';

const PDF_TEXT = path.join(__dirname, '..', '..', '..', 'worker', 'src', 'reports', 'render', 'pdf-text.cjs');

/** The text of each page on one line, read back by pdf.js in a child process (see pdf-text.cjs). */
function pdfPages(pdf: Buffer): string[] {
  const out = execFileSync(process.execPath, [PDF_TEXT], { input: pdf, maxBuffer: 32 * 1024 * 1024 });
  return (JSON.parse(out.toString('utf8')) as { pages: string[] }).pages.map((page) =>
    page.replace(/[\s\u00a0]+/g, ' '),
  );
}

const STAFF = { userName: 'Katarina Strategsson-Lindqvist', userEmail: 'katarina.strategsson@example.se' };

/** An extract with `rows` participations and check-ins (to move the headings after them down a page). */
function sampleExtract(rows: number, reads = 12): RegisterExtract {
  const operations = ['actor', 'actors', 'checkInSearch', 'event', 'createPerson', 'personalDataExport.pdf'];
  return {
    format: 'registerutdrag/1',
    producedAt: '2026-12-04T19:30:00.000Z',
    controller: {
      name: 'Region Västerbotten',
      contactEmail: 'dataskyddsombud@example.se',
      purpose: 'Att följa upp engagemang i mötesplatser och samverkan.',
      legalBasis: 'Allmänt intresse och samtycke.',
      retention: 'Uppgifterna gallras 36 månader efter senaste aktivitet.',
      rights: 'Du har rätt att få tillgång till, rätta, begränsa och i vissa fall radera uppgifterna.',
    },
    person: {
      id: '6f1c2a54-7d8e-4f0a-9b1c-2d3e4f5a6b7c',
      name: 'Ingrid Utdragsson',
      email: 'ingrid.utdragsson@example.se',
      title: 'Projektledare',
      gender: 'WOMAN',
      genderSv: 'Kvinna',
      sector: 'BUSINESS',
      sectorSv: 'Näringsliv',
      municipalityCode: '2482',
      municipalityName: 'Skellefteå',
      country: 'SE',
      organisationId: null,
      organisationName: 'Skellefteå Kraft',
      legalBasis: 'CONSENT',
      legalBasisSv: 'Samtycke',
      registeredAt: '2026-01-10T09:00:00Z',
      updatedAt: '2026-11-10T09:00:00Z',
      restriction: null,
      anonymisedAt: null,
    },
    consents: [
      {
        id: 'c',
        givenOn: '2026-01-15',
        textVersion: '2026-1',
        source: 'PAPER_FORM',
        sourceSv: 'Pappersblankett',
        withdrawnOn: null,
        recordedAt: '2026-01-15T10:00:00Z',
      },
    ],
    participations: Array.from({ length: rows }, (_, i) => ({
      id: `p${i}`,
      eventId: 'e',
      eventTitle:
        i % 2 ? 'Framtidsdag i Lycksele om vätgas, batterier och kompetens i inlandet' : 'Frukostmöte',
      eventStartsAt: '2026-03-01T08:00:00Z',
      meetingPlace: 'MOTESPLATS_LYCKSELE',
      meetingPlaceName: 'Mötesplats Lycksele',
      role: 'SPEAKER',
      roleSv: 'Talare',
      status: 'ATTENDED',
      statusSv: 'Deltog',
      source: 'IMPORT',
      sourceSv: 'Importerad lista',
      checkedInAt: '2026-03-01T08:05:00Z',
      registeredAt: '2026-02-01T08:00:00Z',
    })),
    checkIns: Array.from({ length: rows }, (_, i) => ({
      id: `k${i}`,
      participationId: `p${i}`,
      eventTitle: 'Framtidsdag i Lycksele',
      checkedInAt: '2026-03-01T08:05:00Z',
      previousStatus: 'REGISTERED',
      recordedAt: '2026-03-01T08:05:00Z',
      recordedBy: 'Kalle Personal',
    })),
    memberships: [
      {
        id: 'm',
        initiativeId: 'i',
        initiativeName: 'Arbetsgruppen för vätgas',
        initiativeKind: 'WORKING_GROUP',
        initiativeKindSv: 'Arbetsgrupp',
        role: 'MEMBER',
        roleSv: 'Medlem',
        joinedOn: '2026-02-01',
        leftOn: null,
      },
    ],
    engagements: [
      {
        id: 'g',
        kind: 'INPUT',
        kindSv: 'Inspel',
        occurredOn: '2026-03-03',
        note: 'Skrev ett inspel om laddinfrastruktur',
        eventTitle: null,
        initiativeName: 'Arbetsgruppen för vätgas',
        recordedAt: '2026-03-03T10:00:00Z',
      },
    ],
    ladderPlacements: [
      {
        step: 3,
        stepSv: '3 Deltagare',
        fromStep: null,
        fromStepSv: null,
        validFrom: '2026-03-01',
        validTo: null,
        reasonsSv: ['Deltog i Framtidsdag i Lycksele'],
      },
    ],
    // Stored before reasonsSv existed: the PDF labels the codes itself.
    duplicateCandidates: [
      {
        id: 'd',
        score: 0.9,
        reasons: ['SIMILAR_NAME', 'Samma kommun'],
        foundAt: '2026-04-01T10:00:00Z',
        dismissedAt: null,
      },
    ],
    merges: [
      {
        id: 'mm',
        mergedId: '8a2b3c4d-5e6f-4a0b-8c1d-2e3f4a5b6c7d',
        mergedAt: '2026-04-02T10:00:00Z',
        mergedBy: 'Anna Admin',
        moved: {},
      },
    ],
    auditTrail: Array.from({ length: 6 }, () => ({
      at: '2026-03-01T08:05:00Z',
      action: 'update',
      actionSv: 'Ändrades',
      entity: 'actor',
      entitySv: 'Personuppgifter',
      entityId: 'x',
      changedFields: ['title', 'municipalityCode'],
      ...STAFF,
    })),
    accessLog: Array.from({ length: reads }, (_, i) => ({
      at: '2026-03-01T08:05:00Z',
      operation: operations[i % operations.length],
      ...STAFF,
    })),
    importedRows: [
      {
        importId: 'x',
        importedAt: '2026-02-01T08:00:00Z',
        eventTitle: 'Framtidsdag i Lycksele',
        line: 4,
        reason: 'Okänd roll',
      },
    ],
    importedRowsNoteSv: 'När en anmälningslista importeras sparas inte själva filen.',
  };
}

/** Each heading, as it is followed by its table's header row, and a text of the table's first row. */
const SECTIONS: [heading: string, body: string][] = [
  ['Samtycken Lämnat Textversion', 'Pappersblankett'],
  ['Deltaganden Evenemang Datum', 'Mötesplats Lycksele'],
  ['Incheckningar Evenemang Incheckad', 'Kalle Personal'],
  ['Medlemskap i initiativ Initiativ', 'Arbetsgrupp'],
  ['Engagemang Slag', 'Inspel'],
  ['Placering på engagemangstrappan Steg', '3 Deltagare'],
  ['Möjliga dubbletter och sammanslagningar Upptäckt', '90 %'],
  ['Sammanslagningar Datum', 'Anna Admin'],
  ['Ändringar (vem ändrade vad och när) När', 'Personuppgifter'],
  ['Vem har läst uppgifterna När', 'Katarina Strategsson-Lindqvist'],
  ['Importerade rader', 'Okänd roll'],
];

describe('renderExtractPdf', () => {
  it('never leaves a heading at the foot of a page: its table’s first row is on the same page', async () => {
    // Adding a row at a time moves every later heading down through the foot of a page.
    for (let rows = 1; rows <= 24; rows++) {
      const pages = pdfPages(await renderExtractPdf(sampleExtract(rows)));
      for (const [heading, body] of SECTIONS) {
        const page = pages.find((p) => p.includes(heading));
        if (!page) throw new Error(`${heading} is missing with ${rows} rows`);
        expect({ rows, heading, bodyOnItsPage: page.indexOf(body, page.indexOf(heading)) > 0 }).toEqual({
          rows,
          heading,
          bodyOnItsPage: true,
        });
      }
    }
  }, 120_000);

  it('lets a long table break across pages, repeating its header row', async () => {
    const pages = pdfPages(await renderExtractPdf(sampleExtract(2, 120)));
    const withReads = pages.filter((p) => p.includes('Visade personens sida'));
    expect(withReads.length).toBeGreaterThan(1);
    for (const page of withReads) expect(page).toContain('När Vem Vad som gjordes');
  });

  it('prints duplicate reasons, operations and changed fields in Swedish, also from an older extract', async () => {
    const text = pdfPages(await renderExtractPdf(sampleExtract(1))).join(' ');
    for (const swedish of [
      'Liknande namn',
      'Samma kommun',
      'Visade personens sida',
      'Sökning eller lista över aktörer',
      'Sökning i incheckningen',
      'Visade ett evenemang med deltagarlista',
      'Registrerade personen',
      'Registerutdrag laddades ned (PDF)',
      'titel, kommun',
    ])
      expect(text).toContain(swedish);
    for (const code of ['SIMILAR_NAME', 'checkInSearch', 'createPerson', 'municipalityCode'])
      expect(text).not.toContain(code);
  });
});

describe('extract labels', () => {
  it('gives codes their Swedish label and keeps anything else as it is', () => {
    expect(duplicateReasonSv('SIMILAR_NAME')).toBe('Liknande namn');
    expect(duplicateReasonSv('SAME_NAME')).toBe('Samma namn');
    // What the duplicate finder writes is Swedish already.
    expect(duplicateReasonSv('Liknande namn (87 %)')).toBe('Liknande namn (87 %)');
    expect(accessOperationSv('actor')).toBe('Visade personens sida');
    expect(accessOperationSv('GET /exports/events/:eventId/participants.xlsx')).toBe(
      'Export av deltagarlista',
    );
    expect(accessOperationSv('GET /exports/actors.csv')).toBe('Export av aktörslista');
    expect(accessOperationSv('someNewField')).toBe('someNewField');
    expect(auditActionSv('personal_data_export_download_pdf')).toBe('Registerutdrag laddades ned (PDF)');
    expect(auditActionSv('personal_data_export_download_json')).toBe('Registerutdrag laddades ned (JSON)');
    expect(auditActionSv('someNewAction')).toBe('someNewAction');
    expect(changedFieldSv('municipalityCode')).toBe('kommun');
    expect(changedFieldSv('somethingElse')).toBe('somethingElse');
  });
});
