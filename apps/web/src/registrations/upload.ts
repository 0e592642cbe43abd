// POST /events/{eventId}/registrations/import: the list as multipart (field "file"), with the session
// cookie and the CSRF header a cookie-authenticated upload needs. 202 answers the import's id.
import { CSRF_HEADERS } from '../app/apollo';
import { t } from '../i18n/i18n';

/** The API's limit (apps/api registration-import.controller MAX_IMPORT_BYTES). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type UploadResult = { ok: true; id: string } | { ok: false; message: string };

const ACCEPTED = /\.(csv|xlsx|txt)$/i;

/** A check before sending: too large or plainly not a list (the API sniffs the content itself). */
export function checkFile(file: File): string | null {
  if (file.size > MAX_IMPORT_BYTES) return t('registrations.error.tooLarge');
  if (!ACCEPTED.test(file.name) && file.type !== 'text/csv') return t('registrations.error.type');
  return null;
}

/** The upload's answer as the user should hear it, in Swedish. */
export function uploadFailure(status: number, retryAfter: string | null): string {
  switch (status) {
    case 413:
      return t('registrations.error.tooLarge');
    case 400:
    case 415:
      return t('registrations.error.type');
    case 429: {
      const seconds = Number(retryAfter);
      return Number.isFinite(seconds) && seconds > 60
        ? t('registrations.error.rateLimitedMinutes', { minutes: Math.ceil(seconds / 60) })
        : t('registrations.error.rateLimited');
    }
    case 401:
      return t('registrations.error.signedOut');
    case 403:
      return t('registrations.error.forbidden');
    case 404:
      return t('registrations.error.notFound');
    default:
      return t('registrations.error.server');
  }
}

export async function uploadRegistrationList(eventId: string, file: File): Promise<UploadResult> {
  const body = new FormData();
  body.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(`/events/${encodeURIComponent(eventId)}/registrations/import`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { ...CSRF_HEADERS },
      body,
    });
  } catch {
    return { ok: false, message: t('registrations.error.network') };
  }
  if (response.status === 202 || response.ok) {
    const json = (await response.json().catch(() => ({}))) as { id?: unknown };
    if (typeof json.id === 'string') return { ok: true, id: json.id };
    return { ok: false, message: t('registrations.error.server') };
  }
  return { ok: false, message: uploadFailure(response.status, response.headers.get('retry-after')) };
}
