// The pdfmake set-up every PDF of ours shares: the committee's quarterly report (apps/worker) and the
// register extract (apps/api) are both archivable PDF/A-2b with the bundled Roboto embedded. It lives
// in a library because apps may not import each other; it does no I/O beyond reading those fonts.
import path from 'node:path';
// pdfmake's Node entry exports an instance whose methods live on its prototype, so `import * as`
// (which copies own properties) loses them and @types/pdfmake declares no default export.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import pdfmake = require('pdfmake');
import type { TDocumentDefinitions, TDocumentInformation } from 'pdfmake/interfaces';

/** pdfmake's bundled Roboto: å ä ö render on any server, and no standard-14 font is ever used. */
const FONT_DIR = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

/** What every document says made it (the PDF's Creator and the XMP's CreatorTool). */
export const PDF_CREATOR = 'Region Västerbottens engagemangs-CRM';

/**
 * Sets pdfmake's fonts and access policies and answers pdfmake, to call createPdf on. pdfmake keeps
 * them on its module, so call this before every render: nothing else can then have changed them.
 * Only the bundled Roboto files may be read; no URL is ever fetched.
 */
export function configurePdfmake(): typeof pdfmake {
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
  return pdfmake;
}

/**
 * The document settings of a PDF/A-2b in Swedish, to spread into a document definition: pdfkit then
 * writes the pdfaid XMP and the sRGB output intent (XMP needs PDF 1.4 or later). Use its fonts only
 * (configurePdfmake) and its metadata from pdfaInfo.
 */
export const PDFA_2B = {
  version: '1.7',
  subset: 'PDF/A-2b',
  language: 'sv-SE',
} as const satisfies Pick<TDocumentDefinitions, 'version' | 'subset' | 'language'>;

/** What a PDF/A's metadata says; nothing personal belongs here. */
export interface PdfaDocumentInfo {
  title: string;
  author: string;
  subject: string;
  creationDate: Date;
}

/**
 * A PDF/A's document information. No modification date: pdfkit's XMP has no xmp:ModifyDate to match
 * it, which PDF/A requires. pdfkit copies these texts into the XMP unescaped, so < > & become spaces.
 */
export function pdfaInfo(info: PdfaDocumentInfo): TDocumentInformation {
  const xmlSafe = (value: string) => value.replace(/[<>&]/g, ' ');
  return {
    title: xmlSafe(info.title),
    author: xmlSafe(info.author),
    subject: xmlSafe(info.subject),
    creator: PDF_CREATOR,
    creationDate: info.creationDate,
  };
}
