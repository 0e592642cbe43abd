// A register extract (registerutdrag, GDPR art. 15) as a Swedish PDF/A-2b, rendered from the stored
// JSON so the two always agree. Roboto (bundled with pdfmake) is embedded, as in the committee's
// report (apps/worker/src/reports/render/report-pdf.ts); no standard-14 font is ever used.
import path from 'node:path';
// pdfmake's Node entry exports an instance whose methods live on its prototype (see report-pdf.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
import pdfmake = require('pdfmake');
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { RegisterExtract } from './extract-content';

/** The sections, in order; tests read these. */
export const EXTRACT_SECTION_HEADINGS = [
  'Uppgifter om personen',
  'Deltaganden',
  'Medlemskap i initiativ',
  'Engagemang',
  'Placering på engagemangstrappan',
  'Möjliga dubbletter och sammanslagningar',
  'Ändringar (vem ändrade vad och när)',
  'Vem har läst uppgifterna',
  'Importerade rader',
] as const;

const FONT_DIR = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const PAGE_MARGINS: [number, number, number, number] = [48, 48, 48, 56];
const COLOUR = { heading: '#08427a', muted: '#555555', headerFill: '#e8eef6' };

const dateTime = new Intl.DateTimeFormat('sv-SE', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Stockholm',
});
const longDate = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' });

/** "4 december 2026 20:15", Swedish time. */
export function formatInstantSv(at: string | null): string {
  return at === null ? '–' : dateTime.format(new Date(at));
}

/** A calendar day ("2026-03-01") as "1 mars 2026". */
export function formatDaySv(day: string | null): string {
  return day === null ? '–' : longDate.format(new Date(`${day}T00:00:00Z`));
}

const text = (value: string | number | null | undefined): string =>
  value === null || value === undefined || value === '' ? '–' : String(value);

function configurePdfmake(): void {
  // pdfmake keeps fonts and access policies on its module; set on every render (the worker's report
  // renderer sets the same Roboto files). Only the bundled fonts may be read; no URL is fetched.
  pdfmake.setFonts({
    Roboto: {
      normal: path.join(FONT_DIR, 'Roboto-Regular.ttf'),
      bold: path.join(FONT_DIR, 'Roboto-Medium.ttf'),
      italics: path.join(FONT_DIR, 'Roboto-Italic.ttf'),
      bolditalics: path.join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.dirname(path.resolve(file)) === FONT_DIR);
}

function h1(title: string): Content {
  return { text: title, style: 'h1', outline: true };
}

function none(what: string): Content {
  return { text: `Inga ${what} finns registrerade.`, style: 'note' };
}

/** A table with a shaded header row that repeats on every page. */
function table(headers: string[], rows: (string | number)[][], widths: (string | number)[]): Content {
  const head: TableCell[] = headers.map((h) => ({ text: h, style: 'th', fillColor: COLOUR.headerFill }));
  const body: TableCell[][] = rows.map((row) => row.map((cell) => ({ text: String(cell), style: 'td' })));
  return {
    table: { headerRows: 1, widths, body: [head, ...body], dontBreakRows: true },
    layout: 'lightHorizontalLines',
    margin: [0, 2, 0, 8],
  };
}

function facts(rows: [string, string][]): Content {
  return {
    table: {
      widths: [150, '*'],
      body: rows.map(([k, v]) => [
        { text: k, style: 'th' },
        { text: v, style: 'td' },
      ]),
    },
    layout: 'noBorders',
    margin: [0, 2, 0, 8],
  };
}

function personSection(e: RegisterExtract): Content[] {
  const p = e.person;
  const rows: [string, string][] = [
    ['Namn', text(p.name)],
    ['E-postadress', text(p.email)],
    ['Titel', text(p.title)],
    ['Kön', text(p.genderSv)],
    ['Organisation', text(p.organisationName)],
    ['Sektor', p.sectorSv],
    ['Kommun', p.municipalityName ? `${p.municipalityName} (${p.municipalityCode})` : '–'],
    ['Land', p.country],
    ['Rättslig grund', p.legalBasisSv],
    ['Registrerad', formatInstantSv(p.registeredAt)],
    ['Senast ändrad', formatInstantSv(p.updatedAt)],
    [
      'Begränsad behandling',
      p.restriction
        ? `Ja, sedan ${formatInstantSv(p.restriction.restrictedAt)}: ${p.restriction.reason}`
        : 'Nej',
    ],
    ['Anonymiserad', p.anonymisedAt ? `Ja, ${formatInstantSv(p.anonymisedAt)}` : 'Nej'],
  ];
  return [
    h1('Uppgifter om personen'),
    facts(rows),
    { text: 'Samtycken', style: 'h2' },
    e.consents.length
      ? table(
          ['Lämnat', 'Textversion', 'Hur', 'Återkallat'],
          e.consents.map((c) => [
            formatDaySv(c.givenOn),
            c.textVersion,
            c.sourceSv,
            c.withdrawnOn ? formatDaySv(c.withdrawnOn) : '–',
          ]),
          ['auto', '*', '*', 'auto'],
        )
      : none('samtycken'),
  ];
}

function participationSection(e: RegisterExtract): Content[] {
  return [
    h1('Deltaganden'),
    e.participations.length
      ? table(
          ['Evenemang', 'Datum', 'Mötesplats', 'Roll', 'Status', 'Incheckad'],
          e.participations.map((x) => [
            x.eventTitle,
            formatInstantSv(x.eventStartsAt),
            x.meetingPlaceName,
            x.roleSv,
            x.statusSv,
            formatInstantSv(x.checkedInAt),
          ]),
          ['*', 'auto', 'auto', 'auto', 'auto', 'auto'],
        )
      : none('deltaganden'),
    { text: 'Incheckningar', style: 'h2' },
    e.checkIns.length
      ? table(
          ['Evenemang', 'Incheckad', 'Registrerad av'],
          e.checkIns.map((c) => [c.eventTitle, formatInstantSv(c.checkedInAt), text(c.recordedBy)]),
          ['*', 'auto', 'auto'],
        )
      : none('incheckningar'),
  ];
}

function membershipSection(e: RegisterExtract): Content[] {
  return [
    h1('Medlemskap i initiativ'),
    e.memberships.length
      ? table(
          ['Initiativ', 'Slag', 'Roll', 'Från', 'Till'],
          e.memberships.map((m) => [
            m.initiativeName,
            m.initiativeKindSv,
            m.roleSv,
            formatDaySv(m.joinedOn),
            m.leftOn ? formatDaySv(m.leftOn) : 'pågår',
          ]),
          ['*', 'auto', 'auto', 'auto', 'auto'],
        )
      : none('medlemskap'),
  ];
}

function engagementSection(e: RegisterExtract): Content[] {
  return [
    h1('Engagemang'),
    e.engagements.length
      ? table(
          ['Slag', 'Datum', 'Evenemang eller initiativ', 'Anteckning'],
          e.engagements.map((g) => [
            g.kindSv,
            formatDaySv(g.occurredOn),
            text(g.eventTitle ?? g.initiativeName),
            text(g.note),
          ]),
          ['auto', 'auto', '*', '*'],
        )
      : none('engagemang'),
  ];
}

function ladderSection(e: RegisterExtract): Content[] {
  return [
    h1('Placering på engagemangstrappan'),
    e.ladderPlacements.length
      ? table(
          ['Steg', 'Från', 'Till', 'Tidigare steg', 'Skäl'],
          e.ladderPlacements.map((l) => [
            l.stepSv,
            formatDaySv(l.validFrom),
            l.validTo ? formatDaySv(l.validTo) : 'pågår',
            text(l.fromStepSv),
            l.reasonsSv.join('\n') || '–',
          ]),
          ['auto', 'auto', 'auto', 'auto', '*'],
        )
      : none('placeringar'),
  ];
}

function duplicateSection(e: RegisterExtract): Content[] {
  return [
    h1('Möjliga dubbletter och sammanslagningar'),
    e.duplicateCandidates.length
      ? table(
          ['Upptäckt', 'Annan post (id)', 'Likhet', 'Skäl', 'Avfärdad'],
          e.duplicateCandidates.map((d) => [
            formatInstantSv(d.foundAt),
            d.otherActorId,
            `${Math.round(d.score * 100)} %`,
            d.reasons.join(', '),
            formatInstantSv(d.dismissedAt),
          ]),
          ['auto', 'auto', 'auto', '*', 'auto'],
        )
      : none('möjliga dubbletter'),
    { text: 'Sammanslagningar', style: 'h2' },
    e.merges.length
      ? table(
          ['Datum', 'Sammanslagen post (id)', 'Utförd av'],
          e.merges.map((m) => [formatInstantSv(m.mergedAt), m.mergedId, text(m.mergedBy)]),
          ['auto', '*', 'auto'],
        )
      : none('sammanslagningar'),
  ];
}

function auditSection(e: RegisterExtract): Content[] {
  return [
    h1('Ändringar (vem ändrade vad och när)'),
    e.auditTrail.length
      ? table(
          ['När', 'Vad', 'Händelse', 'Fält', 'Vem'],
          e.auditTrail.map((a) => [
            formatInstantSv(a.at),
            a.entitySv,
            a.actionSv,
            a.changedFields.join(', ') || '–',
            a.userName ? `${a.userName}${a.userEmail ? ` (${a.userEmail})` : ''}` : 'Systemet',
          ]),
          ['auto', 'auto', 'auto', '*', 'auto'],
        )
      : none('ändringar'),
  ];
}

function accessSection(e: RegisterExtract): Content[] {
  return [
    h1('Vem har läst uppgifterna'),
    e.accessLog.length
      ? table(
          ['När', 'Vem', 'Vad som lästes'],
          e.accessLog.map((r) => [formatInstantSv(r.at), `${r.userName} (${r.userEmail})`, r.operation]),
          ['auto', '*', 'auto'],
        )
      : none('läsningar'),
  ];
}

function importSection(e: RegisterExtract): Content[] {
  return [
    h1('Importerade rader'),
    { text: e.importedRowsNoteSv, style: 'lead' },
    e.importedRows.length
      ? table(
          ['Importerad', 'Evenemang', 'Rad', 'Orsak'],
          e.importedRows.map((r) => [
            formatInstantSv(r.importedAt),
            r.eventTitle,
            text(r.line),
            text(r.reason),
          ]),
          ['auto', '*', 'auto', '*'],
        )
      : none('importerade rader'),
  ];
}

function rightsSection(e: RegisterExtract): Content[] {
  const c = e.controller;
  return [
    h1('Dina rättigheter'),
    {
      text:
        'Det här är ett registerutdrag enligt artikel 15 i dataskyddsförordningen (GDPR): en kopia av alla ' +
        'uppgifter om dig som finns i Region Västerbottens register över aktörer i mötesplatser och ' +
        'samverkan, och uppgifter om vem som har ändrat och läst dem.',
      style: 'lead',
    },
    facts([
      ['Personuppgiftsansvarig', c.name],
      ['Kontakt (dataskyddsombud)', c.contactEmail],
      ['Ändamål', c.purpose],
      ['Rättslig grund', c.legalBasis],
      ['Lagring och gallring', c.retention],
      ['Dina rättigheter', c.rights],
    ]),
  ];
}

/** The extract's PDF: PDF/A-2b, A4, Swedish, from the stored JSON only. */
export async function renderExtractPdf(extract: RegisterExtract): Promise<Buffer> {
  const producedAt = new Date(extract.producedAt);
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    // Archivable: pdfkit writes the pdfaid XMP and the sRGB output intent; the fonts are embedded.
    version: '1.7',
    subset: 'PDF/A-2b',
    language: 'sv-SE',
    // No personal data in the metadata: the title names the kind of document only.
    info: {
      title: 'Registerutdrag',
      author: extract.controller.name.replace(/[<>&]/g, ' '),
      subject: 'Registerutdrag enligt artikel 15 i dataskyddsförordningen',
      creator: 'Region Västerbottens engagemangs-CRM',
      creationDate: producedAt,
    },
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 18, bold: true, color: COLOUR.heading, margin: [0, 0, 0, 6] },
      h1: { fontSize: 13, bold: true, color: COLOUR.heading, margin: [0, 14, 0, 6] },
      h2: { fontSize: 10.5, bold: true, color: COLOUR.heading, margin: [0, 8, 0, 4] },
      lead: { margin: [0, 0, 0, 6] },
      note: { fontSize: 8.5, color: COLOUR.muted, margin: [0, 0, 0, 6] },
      th: { bold: true, fontSize: 8 },
      td: { fontSize: 8.5 },
    },
    footer: (currentPage: number, pageCount: number) => ({
      margin: [PAGE_MARGINS[0], 22, PAGE_MARGINS[2], 0],
      fontSize: 8,
      color: COLOUR.muted,
      columns: [
        { text: `Registerutdrag ${formatInstantSv(extract.producedAt)}` },
        { text: `Sida ${currentPage} av ${pageCount}`, alignment: 'right' },
      ],
    }),
    content: [
      { text: 'Registerutdrag', style: 'title' },
      {
        text: `För ${extract.person.name}, framtaget ${formatInstantSv(extract.producedAt)} av ${extract.controller.name}.`,
        style: 'lead',
      },
      ...rightsSection(extract),
      ...personSection(extract),
      ...participationSection(extract),
      ...membershipSection(extract),
      ...engagementSection(extract),
      ...ladderSection(extract),
      ...duplicateSection(extract),
      ...auditSection(extract),
      ...accessSection(extract),
      ...importSection(extract),
    ],
  };
  configurePdfmake();
  return pdfmake.createPdf(doc).getBuffer();
}
