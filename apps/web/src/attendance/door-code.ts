// A check-in code in the search box: a hand scanner types the code and presses Enter, a person may
// type it (in any case, with or without dashes). A code never searches: it checks in directly.
import { normaliseCheckInCode } from '@crm/domain/attendance/check-in-code';

/** The canonical code (`VB-XXXX-XXXX-XXXX`) the search text is, or null when it is a search. */
export function codeInSearch(text: string): string | null {
  return normaliseCheckInCode(text);
}

/** What a QR code's text carries: the code itself, or a link ending in it (…/c/VB-…). */
export function codeInScan(text: string): string | null {
  const direct = normaliseCheckInCode(text);
  if (direct) return direct;
  const tail = /VB[-\s]?[0-9A-Za-z]{4}[-\s]?[0-9A-Za-z]{4}[-\s]?[0-9A-Za-z]{4}\s*$/i.exec(text.trim());
  return tail ? normaliseCheckInCode(tail[0]) : null;
}
