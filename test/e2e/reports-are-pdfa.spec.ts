import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Role } from '@crm/domain';
import {
  IMPORTED_ROWS_NOTE_SV,
  RegisterExtract,
} from '../../apps/api/src/personal-data-export/extract-content';
import { renderExtractPdf } from '../../apps/api/src/personal-data-export/render-extract-pdf';
import { renderReportPdf } from '../../apps/worker/src/reports/render';
import { SAMPLE_CHANGES, SAMPLE_FIGURES } from '../../apps/worker/src/reports/render/sample-figures';
import { TestApi } from '../support/api';
import { Factory } from '../support/factories';
import { pdfText } from '../support/pdf';

/** The PDF's indirect objects' dictionaries (streams left out), by object number. */
function objects(pdf: Buffer): Map<number, string> {
  const raw = pdf.toString('latin1');
  const found = new Map<number, string>();
  const pattern = /(?:^|\n)(\d+) 0 obj\n([\s\S]*?)(?:\nstream\n|\nendobj)/g;
  for (let m = pattern.exec(raw); m; m = pattern.exec(raw)) found.set(Number(m[1]), m[2]);
  return found;
}

/** What makes a PDF a PDF/A-2b here; each failure named, so a regression says what broke. */
function pdfaProblems(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const problems: string[] = [];
  if (!/^%PDF-1\.7\n/.test(raw)) problems.push('header is not %PDF-1.7');
  const xmp = pdf.toString('utf8');
  if (!xmp.includes('pdfaid:part>2<')) problems.push('XMP lacks pdfaid:part 2');
  if (!xmp.includes('pdfaid:conformance>B<')) problems.push('XMP lacks pdfaid:conformance B');
  if (!/\/OutputIntents \[\d+ 0 R\]/.test(raw)) problems.push('no /OutputIntents');
  if (!/\/S \/GTS_PDFA1/.test(raw)) problems.push('no GTS_PDFA1 output intent');
  if (/\/Encrypt\b/.test(raw)) problems.push('encrypted');
  // pdfkit's XMP has no xmp:ModifyDate, and PDF/A wants the two to agree.
  if (/\/ModDate\b/.test(raw)) problems.push('has a /ModDate the XMP does not');
  const xmpPacket = /<x:xmpmeta[\s\S]*?<\/x:xmpmeta>/.exec(xmp)?.[0] ?? '';
  if (/&(?![a-z]+;|#\d+;)|<(?![/?!a-zA-Z])/.test(xmpPacket)) problems.push('XMP is not well-formed XML');
  const all = objects(pdf);
  const fonts = [...all].filter(([, body]) => /\/Type \/Font\b/.test(body));
  if (!fonts.length) problems.push('no fonts at all');
  for (const [n, body] of fonts) {
    if (/\/BaseFont \/(Helvetica|Times|Courier|Symbol|ZapfDingbats)/.test(body))
      problems.push(`font ${n} is a standard-14 font`);
    if (/\/Subtype \/CIDFontType2\b/.test(body) && !/\/CIDToGIDMap/.test(body))
      problems.push(`CIDFontType2 font ${n} has no CIDToGIDMap`);
    if (/\/Subtype \/Type0\b/.test(body)) {
      if (!/\/DescendantFonts/.test(body)) problems.push(`Type0 font ${n} has no descendant`);
      continue;
    }
    const descriptor = /\/FontDescriptor (\d+) 0 R/.exec(body);
    const file = descriptor ? all.get(Number(descriptor[1])) : undefined;
    if (!file || !/\/FontFile[23] \d+ 0 R/.test(file)) problems.push(`font ${n} is not embedded`);
  }
  return problems;
}

/** Renders the first page with pdftoppm where it is installed; null when it is not. */
function pdftoppmPages(pdf: Buffer): number | null {
  if (spawnSync('pdftoppm', ['-v']).error) return null;
  const dir = mkdtempSync(path.join(tmpdir(), 'pdfa-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '30', path.join(dir, 'in.pdf'), path.join(dir, 'page')]);
    return readdirSync(dir).filter((f) => f.endsWith('.png')).length;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function expectArchivable(pdf: Buffer, mustSay: string[]): Promise<void> {
  expect(pdfaProblems(pdf)).toEqual([]);
  // Still a PDF every reader opens: pdftoppm where it is installed, pdf.js always.
  const rendered = pdftoppmPages(pdf);
  if (rendered !== null) expect(rendered).toBeGreaterThan(0);
  const text = (await pdfText(pdf)).replace(/[\s\u00a0]+/g, ' ');
  for (const words of mustSay) expect(text).toContain(words);
}

const EXTRACT: RegisterExtract = {
  format: 'registerutdrag/1',
  producedAt: '2026-12-04T19:30:00.000Z',
  controller: {
    name: 'Region Västerbotten',
    contactEmail: 'dataskyddsombud@regionvasterbotten.se',
    purpose: 'Planera och följa upp mötesplatserna.',
    legalBasis: 'Allmänt intresse.',
    retention: 'Enligt gallringsbeslut.',
    rights: 'Rätt till registerutdrag, rättelse och begränsning.',
  },
  person: {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'Åsa Öberg',
    email: 'asa@example.se',
    title: null,
    gender: 'WOMAN',
    genderSv: 'Kvinna',
    sector: 'ACADEMIA',
    sectorSv: 'Akademi',
    municipalityCode: '2480',
    municipalityName: 'Umeå',
    country: 'SE',
    organisationId: null,
    organisationName: null,
    legalBasis: 'PUBLIC_INTEREST',
    legalBasisSv: 'Allmänt intresse',
    registeredAt: '2026-01-02T08:00:00.000Z',
    updatedAt: '2026-01-02T08:00:00.000Z',
    restriction: null,
    anonymisedAt: null,
  },
  consents: [],
  participations: [],
  checkIns: [],
  memberships: [],
  engagements: [],
  ladderPlacements: [],
  duplicateCandidates: [],
  merges: [],
  auditTrail: [],
  accessLog: [],
  importedRows: [],
  importedRowsNoteSv: IMPORTED_ROWS_NOTE_SV,
};

/** The committee's quarterly report and the register extract are PDF/A-2b, so both can be archived as they are. */
describe('reports are PDF/A-2b', () => {
  it('renders the quarterly report as PDF/A-2b with every font embedded, charts included', async () => {
    const pdf = await renderReportPdf(SAMPLE_FIGURES, {
      version: 2,
      generatedAt: new Date('2026-10-05T07:12:00Z'),
      minCount: 3,
      changes: SAMPLE_CHANGES,
    });
    await expectArchivable(pdf, ['Sammanfattning', 'Engagemangstrappan']);
  });

  it('renders the register extract as PDF/A-2b', async () => {
    await expectArchivable(await renderExtractPdf(EXTRACT), ['Registerutdrag', 'Åsa Öberg']);
  });

  it('keeps the metadata well-formed when the controller’s name has characters XML reserves', async () => {
    const pdf = await renderExtractPdf({
      ...EXTRACT,
      controller: { ...EXTRACT.controller, name: 'Region Västerbotten <Dataskydd> & Arkiv' },
    });
    await expectArchivable(pdf, ['Region Västerbotten <Dataskydd> & Arkiv']);
  });

  it('tells a PDF that is not PDF/A from one that is', async () => {
    const plain = Buffer.from(
      '%PDF-1.3\n1 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n',
    );
    expect(pdfaProblems(plain)).toEqual(
      expect.arrayContaining([
        'header is not %PDF-1.7',
        'XMP lacks pdfaid:part 2',
        'no /OutputIntents',
        'font 1 is a standard-14 font',
        'font 1 is not embedded',
      ]),
    );
    const modified = Buffer.from(`%PDF-1.7\n1 0 obj\n<< /ModDate (D:20261204) >>\nendobj\n`);
    expect(pdfaProblems(modified)).toEqual(expect.arrayContaining(['has a /ModDate the XMP does not']));
    const broken = Buffer.from(
      '%PDF-1.7\n<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>A & B</dc:creator></x:xmpmeta>\n',
    );
    expect(pdfaProblems(broken)).toEqual(expect.arrayContaining(['XMP is not well-formed XML']));
  });

  describe('through the API', () => {
    let api: TestApi;
    let make: Factory;

    beforeAll(async () => {
      api = await TestApi.start({ worker: true });
      make = new Factory(api);
    });
    afterAll(() => api.close());

    it('serves the committee the PDF/A-2b the worker made', async () => {
      const committee = await make.user(Role.COMMITTEE);
      const ordered = await api.ok(
        `mutation { generateQuarterlyReport(year: 2026, quarter: 2) { id } }`,
        {},
        await make.user(Role.STRATEGIST),
      );
      const id = ordered.generateQuarterlyReport.id as string;
      const deadline = Date.now() + 60_000;
      for (;;) {
        const { quarterlyReport } = await api.ok(
          `query { quarterlyReport(year: 2026, quarter: 2) { id status pdfUrl } }`,
          {},
          committee,
        );
        if (quarterlyReport.status === 'READY') break;
        if (quarterlyReport.status === 'FAILED' || Date.now() > deadline)
          throw new Error(`report ${id} is ${quarterlyReport.status}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const response = await fetch(`${api.baseUrl}/reports/${id}.pdf`, {
        headers: { authorization: `Bearer ${committee}` },
      });
      expect(response.status).toBe(200);
      await expectArchivable(Buffer.from(await response.arrayBuffer()), ['Sammanfattning']);
    });
  });
});
