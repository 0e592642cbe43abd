// A register extract (registerutdrag, GDPR art. 15) as a Swedish PDF/A-2b, rendered from the stored
// JSON so the two always agree. The pdfmake set-up (embedded Roboto, PDF/A-2b settings) is the one
// the committee's report uses (configurePdfmake, PDFA_2B); no standard-14 font is ever used.
import { configurePdfmake, PDFA_2B, pdfaInfo } from '@crm/persistence';
import type {
  Content,
  ContentTable,
  CustomTableLayout,
  TableCell,
  TDocumentDefinitions,
} from 'pdfmake/interfaces';
import type { RegisterExtract } from './extract-content';
import { accessOperationSv, changedFieldSv, duplicateReasonSv } from './extract-labels';

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

const PAGE_MARGINS: [number, number, number, number] = [48, 48, 48, 56];
const COLOUR = { heading: '#08427a', muted: '#555555', headerFill: '#e8eef6' };

const dateTime = new Intl.DateTimeFormat('sv-SE', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Stockholm',
});
const longDate = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' });
const shortDateTime = new Intl.DateTimeFormat('sv-SE', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Stockholm',
});
const shortDate = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium', timeZone: 'UTC' });

/** "4 december 2026 20:15", Swedish time. */
export function formatInstantSv(at: string | null): string {
  return at === null ? '–' : dateTime.format(new Date(at));
}

/** A calendar day ("2026-03-01") as "1 mars 2026". */
export function formatDaySv(day: string | null): string {
  return day === null ? '–' : longDate.format(new Date(`${day}T00:00:00Z`));
}

/** A table cell's value: text, or text that is never wrapped. */
type Cell = string | number | { text: string; noWrap: true };

/** In a table: "1 mars 2026 09:05", Swedish time, never wrapped. */
function when(at: string | null): Cell {
  return { text: at === null ? '–' : shortDateTime.format(new Date(at)), noWrap: true };
}

/** In a table: a calendar day as "1 mars 2026" ("30 sep. 2026"), never wrapped. */
function day(value: string | null): Cell {
  return { text: value === null ? '–' : shortDate.format(new Date(`${value}T00:00:00Z`)), noWrap: true };
}

const text = (value: string | number | null | undefined): string =>
  value === null || value === undefined || value === '' ? '–' : String(value);

function none(what: string): Content {
  return { text: `Inga ${what} finns registrerade.`, style: 'note' };
}

/** lightHorizontalLines, with the title row (row 0) above the column headers (row 1) left bare. */
const TITLED_TABLE_LAYOUT: CustomTableLayout = {
  hLineWidth: (i, node) => (i <= 1 || i === node.table.body.length ? 0 : i === 2 ? 2 : 1),
  vLineWidth: () => 0,
  hLineColor: (i) => (i === 2 ? 'black' : '#aaa'),
  paddingLeft: (i) => (i === 0 ? 0 : 8),
  paddingRight: (i, node) => (i === (node.table.widths?.length ?? 1) - 1 ? 0 : 8),
};

/** A table with a shaded header row that repeats on every page, kept with its first row. */
function table(headers: string[], rows: Cell[][], widths: (string | number)[]): ContentTable {
  const head: TableCell[] = headers.map((h) => ({ text: h, style: 'th', fillColor: COLOUR.headerFill }));
  const body: TableCell[][] = rows.map((row) =>
    row.map((cell) =>
      typeof cell === 'object' ? { ...cell, style: 'td' } : { text: String(cell), style: 'td' },
    ),
  );
  return {
    table: { headerRows: 1, keepWithHeaderRows: 1, widths, body: [head, ...body], dontBreakRows: true },
    layout: 'lightHorizontalLines',
    margin: [0, 2, 0, 8],
  };
}

/**
 * A heading kept with what follows it, so that it is never left alone at the foot of a page. Before a
 * table it becomes the table's first header row: pdfmake keeps the header rows with the first row of
 * the table (keepWithHeaderRows), and repeats heading and column headers on each page a long table
 * continues on. Anything else (a note, a list of facts, a short paragraph) is kept on one page with it.
 * A section's bookmark (h1) is then on its first row, which is not repeated, so it is listed once.
 */
function titled(level: 'h1' | 'h2', title: string, body: Content, lead?: string): Content {
  const heading: Content[] = [
    { text: title, style: level },
    ...(lead === undefined ? [] : [{ text: lead, style: 'lead' }]),
  ];
  const content = body as Partial<ContentTable>;
  if (!content.table?.headerRows) {
    if (level === 'h1') heading[0] = { text: title, style: level, outline: true };
    return { stack: [...heading, body], unbreakable: true };
  }
  const rows = content.table.body;
  const columns = rows[0].length;
  const titleRow: TableCell[] = [
    { stack: heading, colSpan: columns },
    ...Array.from({ length: columns - 1 }, (): TableCell => ({ text: '' })),
  ];
  const first = rows[content.table.headerRows] as TableCell[];
  const bookmarked: TableCell[] =
    level === 'h1'
      ? [{ ...(first[0] as object), outline: true, outlineText: title } as TableCell, ...first.slice(1)]
      : first;
  return {
    ...content,
    table: {
      ...content.table,
      headerRows: content.table.headerRows + 1,
      body: [
        titleRow,
        ...rows.slice(0, content.table.headerRows),
        bookmarked,
        ...rows.slice(content.table.headerRows + 1),
      ],
    },
    layout: TITLED_TABLE_LAYOUT,
    margin: [0, 0, 0, 8],
  } as ContentTable;
}

/** A staff member: the name, and the address on a line of its own (long addresses wrap badly). */
function who(name: string, email: string | null): string {
  return email ? `${name}\n${email}` : name;
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
    titled('h1', 'Uppgifter om personen', facts(rows)),
    titled(
      'h2',
      'Samtycken',
      e.consents.length
        ? table(
            ['Lämnat', 'Textversion', 'Hur', 'Återkallat'],
            e.consents.map((c) => [day(c.givenOn), c.textVersion, c.sourceSv, day(c.withdrawnOn)]),
            ['auto', '*', '*', 'auto'],
          )
        : none('samtycken'),
    ),
  ];
}

function participationSection(e: RegisterExtract): Content[] {
  return [
    titled(
      'h1',
      'Deltaganden',
      e.participations.length
        ? table(
            ['Evenemang', 'Datum', 'Mötesplats', 'Roll', 'Status', 'Incheckad'],
            e.participations.map((x) => [
              x.eventTitle,
              when(x.eventStartsAt),
              x.meetingPlaceName,
              x.roleSv,
              x.statusSv,
              when(x.checkedInAt),
            ]),
            ['*', 'auto', 'auto', 'auto', 'auto', 'auto'],
          )
        : none('deltaganden'),
    ),
    titled(
      'h2',
      'Incheckningar',
      e.checkIns.length
        ? table(
            ['Evenemang', 'Incheckad', 'Registrerad av'],
            e.checkIns.map((c) => [c.eventTitle, when(c.checkedInAt), text(c.recordedBy)]),
            ['*', 'auto', 'auto'],
          )
        : none('incheckningar'),
    ),
  ];
}

function membershipSection(e: RegisterExtract): Content[] {
  return [
    titled(
      'h1',
      'Medlemskap i initiativ',
      e.memberships.length
        ? table(
            ['Initiativ', 'Slag', 'Roll', 'Från', 'Till'],
            e.memberships.map((m) => [
              m.initiativeName,
              m.initiativeKindSv,
              m.roleSv,
              day(m.joinedOn),
              m.leftOn ? day(m.leftOn) : 'pågår',
            ]),
            ['*', 'auto', 'auto', 'auto', 'auto'],
          )
        : none('medlemskap'),
    ),
  ];
}

function engagementSection(e: RegisterExtract): Content[] {
  return [
    titled(
      'h1',
      'Engagemang',
      e.engagements.length
        ? table(
            ['Slag', 'Datum', 'Evenemang eller initiativ', 'Anteckning'],
            e.engagements.map((g) => [
              g.kindSv,
              day(g.occurredOn),
              text(g.eventTitle ?? g.initiativeName),
              text(g.note),
            ]),
            ['auto', 'auto', '*', '*'],
          )
        : none('engagemang'),
    ),
  ];
}

function ladderSection(e: RegisterExtract): Content[] {
  return [
    titled(
      'h1',
      'Placering på engagemangstrappan',
      e.ladderPlacements.length
        ? table(
            ['Steg', 'Från', 'Till', 'Tidigare steg', 'Skäl'],
            e.ladderPlacements.map((l) => [
              l.stepSv,
              day(l.validFrom),
              l.validTo ? day(l.validTo) : 'pågår',
              text(l.fromStepSv),
              l.reasonsSv.join('\n') || '–',
            ]),
            ['auto', 'auto', 'auto', 'auto', '*'],
          )
        : none('placeringar'),
    ),
  ];
}

function duplicateSection(e: RegisterExtract): Content[] {
  return [
    titled(
      'h1',
      'Möjliga dubbletter och sammanslagningar',
      e.duplicateCandidates.length
        ? table(
            ['Upptäckt', 'Likhet', 'Skäl', 'Avfärdad'],
            e.duplicateCandidates.map((d) => [
              when(d.foundAt),
              { text: `${Math.round(d.score * 100)} %`, noWrap: true },
              (d.reasonsSv ?? d.reasons.map(duplicateReasonSv)).join('\n') || '–',
              when(d.dismissedAt),
            ]),
            ['auto', 'auto', '*', 'auto'],
          )
        : none('möjliga dubbletter'),
    ),
    titled(
      'h2',
      'Sammanslagningar',
      e.merges.length
        ? table(
            ['Datum', 'Sammanslagen post (id)', 'Utförd av'],
            e.merges.map((m) => [when(m.mergedAt), m.mergedId, text(m.mergedBy)]),
            ['auto', '*', 'auto'],
          )
        : none('sammanslagningar'),
    ),
  ];
}

function auditSection(e: RegisterExtract): Content[] {
  return [
    titled(
      'h1',
      'Ändringar (vem ändrade vad och när)',
      e.auditTrail.length
        ? table(
            ['När', 'Vad', 'Händelse', 'Fält', 'Vem'],
            e.auditTrail.map((a) => [
              when(a.at),
              a.entitySv,
              a.actionSv,
              (a.changedFieldsSv ?? a.changedFields.map(changedFieldSv)).join(', ') || '–',
              a.userName ? who(a.userName, a.userEmail) : 'Systemet',
            ]),
            ['auto', 'auto', 64, '*', 'auto'],
          )
        : none('ändringar'),
    ),
  ];
}

function accessSection(e: RegisterExtract): Content[] {
  return [
    titled(
      'h1',
      'Vem har läst uppgifterna',
      e.accessLog.length
        ? table(
            ['När', 'Vem', 'Vad som gjordes'],
            e.accessLog.map((r) => [
              when(r.at),
              who(r.userName, r.userEmail),
              r.operationSv ?? accessOperationSv(r.operation),
            ]),
            ['auto', '*', 160],
          )
        : none('läsningar'),
    ),
  ];
}

function importSection(e: RegisterExtract): Content[] {
  return [
    titled(
      'h1',
      'Importerade rader',
      e.importedRows.length
        ? table(
            ['Importerad', 'Evenemang', 'Rad', 'Orsak'],
            e.importedRows.map((r) => [when(r.importedAt), r.eventTitle, text(r.line), text(r.reason)]),
            ['auto', '*', 'auto', '*'],
          )
        : none('importerade rader'),
      e.importedRowsNoteSv,
    ),
  ];
}

function rightsSection(e: RegisterExtract): Content[] {
  const c = e.controller;
  return [
    titled('h1', 'Dina rättigheter', {
      text:
        'Det här är ett registerutdrag enligt artikel 15 i dataskyddsförordningen (GDPR): en kopia av alla ' +
        'uppgifter om dig som finns i Region Västerbottens register över aktörer i mötesplatser och ' +
        'samverkan, och uppgifter om vem som har ändrat och läst dem.',
      style: 'lead',
    }),
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
    // Archivable as it is.
    ...PDFA_2B,
    // No personal data in the metadata: the title names the kind of document only.
    info: pdfaInfo({
      title: 'Registerutdrag',
      author: extract.controller.name,
      subject: 'Registerutdrag enligt artikel 15 i dataskyddsförordningen',
      creationDate: producedAt,
    }),
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
  return configurePdfmake().createPdf(doc).getBuffer();
}
