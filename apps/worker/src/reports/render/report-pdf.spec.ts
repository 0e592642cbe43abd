import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { COUNTY_MUNICIPALITIES, discloseReport, ReportFigures } from '@crm/domain';
import { PDF_SECTION_HEADINGS, renderReportPdf } from './report-pdf';
import { SAMPLE_CHANGES, SAMPLE_FIGURES } from './sample-figures';

const GENERATED_AT = new Date('2026-10-05T07:12:00Z'); // 09:12 in Stockholm

/** The text of each page, read back by pdf.js in a child process (see pdf-text.cjs). */
function pdfPages(pdf: Buffer): string[] {
  const out = execFileSync(process.execPath, [path.join(__dirname, 'pdf-text.cjs')], {
    input: pdf,
    maxBuffer: 32 * 1024 * 1024,
  });
  return (JSON.parse(out.toString('utf8')) as { pages: string[] }).pages;
}

/** One line of plain text: non-breaking spaces and line breaks become single spaces. */
function flat(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ');
}

function clone(f: ReportFigures): ReportFigures {
  return structuredClone(f);
}

describe('renderReportPdf', () => {
  let pdf: Buffer;
  let pages: string[];
  let text: string;

  beforeAll(async () => {
    pdf = await renderReportPdf(SAMPLE_FIGURES, {
      version: 2,
      generatedAt: GENERATED_AT,
      minCount: 3,
      changes: SAMPLE_CHANGES,
    });
    pages = pdfPages(pdf).map(flat);
    text = pages.join(' ');
  });

  // Rendering time is measured by `npm run bench` (the quarterly report step), never asserted here.
  it('is an A4 portrait PDF', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
  });

  it('has the title, the version and the generated date in Swedish on the first page', () => {
    expect(pages[0]).toContain('Engagemangsrapport till regionala utvecklingsnämnden, 2026 kvartal 3');
    expect(pages[0]).toContain('Version 2');
    expect(pages[0]).toContain('Skapad 5 oktober 2026 kl. 09:12');
    expect(pages[0]).toContain('Period 1 juli – 30 september 2026');
  });

  it('numbers every page "Sida n av m"', () => {
    expect(text).toContain('Sida 1 av ');
    pages.forEach((page, i) => expect(page).toContain(`Sida ${i + 1} av ${pages.length}`));
  });

  it('has the seven sections in order, the summary alone on the first page', () => {
    let from = 0;
    for (const heading of PDF_SECTION_HEADINGS) {
      const at = text.indexOf(heading, from);
      expect({ heading, found: at >= 0 }).toEqual({ heading, found: true });
      from = at + heading.length;
    }
    expect(pages[0]).toContain('Sammanfattning');
    expect(pages[1].trimStart().startsWith('Engagemangstrappan')).toBe(true);
  });

  it('summarises the quarter in plain Swedish with both comparisons', () => {
    const summary = pages[0];
    expect(summary).toContain('412 engagerade aktörer (+57 jämfört med 2026 K2, +120 jämfört med 2025 K3)');
    expect(summary).toContain('61 nya aktörer (+13 jämfört med 2026 K2, +22 jämfört med 2025 K3)');
    expect(summary).toContain('66 aktörer klev upp minst ett steg i trappan (+14 jämfört med 2026 K2');
    expect(summary).toContain(
      '30 aktörer gick från passiva lyssnare (steg 1–2) till aktiva deltagare (steg 3–5)',
    );
    expect(summary).toContain(
      '18 aktörer gick ned minst ett steg (+1 jämfört med 2026 K2, \u22124 jämfört med 2025 K3)',
    );
    // Chosen again among the figures the committee may see.
    const largest = discloseReport(SAMPLE_FIGURES, 3).figures.summary.largestChanges;
    expect(largest).toHaveLength(3);
    for (const change of largest) expect(summary).toContain(flat(change.textSv));
  });

  it('lists the changes since the previous version in a box', () => {
    expect(pages[0]).toContain('Ändringar sedan version 1');
    expect(pages[0]).toContain('Stegen vid kvartalets slut › Deltagande 73 74 +1');
    // 1 and 2 actors: withheld, and so is the difference.
    expect(pages[0]).toContain('Kommuner › Sorsele › Engagerade aktörer <3 <3 ..');
  });

  it('shows the ladder, the movement matrix and the history', () => {
    expect(text).toContain('1. Medvetenhet 168 150 131 +18 +37');
    expect(text).toContain('Totalt engagerade 412 355 292 +57 +120');
    expect(text).toContain('Andel aktiva (steg 3–5) 32 % 30 % 28 %');
    // Matrix row: from Medvetenhet to not engaged, 1, 2, 3, 4, 5, and the row's sum; the 1 is
    // withheld, and so is a second cell of the row (the sum of 150 would give it away).
    expect(text).toContain('1. Medvetenhet <3 118 22 6 <3 0 150');
    expect(text).toContain('Inte engagerad – 44 11 <3 <3 0 61');
    expect(text).toContain('2025 K4'); // the history chart's axis
  });

  it('reports every meeting place, synergy, sectors and cross-sector initiatives', () => {
    for (const place of SAMPLE_FIGURES.meetingPlaces) expect(text).toContain(place.nameSv);
    expect(text).toContain('Närvaro (deltaganden) 171 22 150 +149 +21');
    expect(text).toContain(
      '57 aktörer deltog vid två eller fler mötesplatser under kvartalet (+8 jämfört med 2026 K2',
    );
    expect(text).toContain('Offentlig sektor 62 41 30 20 7 160 36 %');
    expect(text).toContain(
      'Kompetensförsörjning i Skelleftedalen Samverkan Offentlig sektor, Näringsliv, Akademi, Civilsamhälle 22',
    );
  });

  it('lists all 15 municipalities, zeros included, and the areas outside', () => {
    for (const m of COUNTY_MUNICIPALITIES) expect(text).toContain(m.nameSv);
    expect(text).toContain('Bjurholm Umeåregionen 0 <3 0 0 <3 0');
    expect(text).toContain('Malå Inlandet 0 0 <3 0 0 <3');
    expect(text).toContain('Sorsele Inlandet <3 <3 0 <3 0 0');
    expect(text).toContain('Ingen engagerad aktör vid kvartalets slut i Bjurholm och Malå.');
    expect(text).toContain('Utanför länet Övriga Sverige och utlandet 88 79 61 64 102 58');
    expect(text).toContain('Okänd ort Ort saknas 9 8 7 4 5 3');
  });

  it('shows gender balance for all participants and on stage, with percentages', () => {
    expect(text).toContain('2026 K3 Alla deltagare 131 (48 %) 118 (44 %) 3 (1 %) 19 (7 %) 271');
    expect(text).toContain('På scen 24 (43 %) 29 (52 %) <3 <3 56');
    expect(text).toContain('Icke-binär');
  });

  it('names organisations that reached step 5 and only counts persons', () => {
    expect(text).toContain('Näringslivsföreningen Kusten 19 augusti 2026');
    expect(text).toContain('<3 personer nådde steg 5 under kvartalet.');
    expect(text).toContain('Offentlig sektor <3 Näringsliv 0 Akademi <3');
    expect(text).toContain('Mötesplats Lycksele <3');
    expect(text).not.toMatch(/Verksamhetschef|Forskare, Umeå universitet/);
  });

  it('says how persons are protected, and shows no count of 1 or 2 persons', () => {
    expect(text).toContain('visas som ”<3”');
    // Gender counts are of persons only: no 1 or 2 among them.
    const gender = text.slice(
      text.indexOf('Jämn könsfördelning'),
      text.indexOf('Nått steg 5 under kvartalet'),
    );
    expect(gender).not.toMatch(/(^|\s)[12] \(/);
  });

  it('formats large numbers and negative changes Swedish style', async () => {
    const big = clone(SAMPLE_FIGURES);
    big.summary.engagedActors = { current: 12345, previousQuarter: 13001, yearEarlier: 1200 };
    const bigText = flat(
      pdfPages(
        await renderReportPdf(big, { version: 1, generatedAt: GENERATED_AT, minCount: 3, changes: null }),
      )[0],
    );
    expect(bigText).toContain(
      '12 345 engagerade aktörer (\u2212656 jämfört med 2026 K2, +11 145 jämfört med 2025 K3)',
    );
  });

  it('has no changes box in version 1, and says so when nothing changed', async () => {
    const v1 = pdfPages(
      await renderReportPdf(SAMPLE_FIGURES, {
        version: 1,
        generatedAt: GENERATED_AT,
        minCount: 3,
        changes: null,
      }),
    );
    expect(flat(v1[0])).not.toContain('Ändringar sedan version');
    const v3 = pdfPages(
      await renderReportPdf(SAMPLE_FIGURES, {
        version: 3,
        generatedAt: GENERATED_AT,
        minCount: 3,
        changes: [],
      }),
    );
    expect(flat(v3[0])).toContain('Ändringar sedan version 2');
    expect(flat(v3[0])).toContain('Inga siffror har ändrats sedan version 2');
  });

  it('says so when no actor reached step 5 and no initiative crossed sectors', async () => {
    const empty = clone(SAMPLE_FIGURES);
    empty.reachedInfluence = [];
    empty.reachedInfluencePersons = { total: 0, perSector: [], perMeetingPlace: [] };
    empty.crossSectorInitiatives = [];
    const emptyText = flat(
      pdfPages(
        await renderReportPdf(empty, { version: 1, generatedAt: GENERATED_AT, minCount: 3, changes: null }),
      ).join(' '),
    );
    expect(emptyText).toContain('Ingen organisation nådde steg 5 under kvartalet.');
    expect(emptyText).toContain('Ingen person nådde steg 5 under kvartalet.');
    expect(emptyText).toContain('Inga sektorsöverskridande initiativ var aktiva under kvartalet.');
  });
});
