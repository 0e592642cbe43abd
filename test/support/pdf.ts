import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** All the text of a PDF, read back by pdf.js in a child process (see the script for why). */
export async function pdfText(pdf: Buffer): Promise<string> {
  const script = join(__dirname, '..', '..', 'apps', 'worker', 'src', 'reports', 'render', 'pdf-text.cjs');
  const out = execFileSync(process.execPath, [script], { input: pdf, maxBuffer: 64 * 1024 * 1024 });
  return (JSON.parse(out.toString('utf8')) as { pages: string[] }).pages.join('\n');
}
