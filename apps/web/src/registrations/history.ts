// The API answers registrationImport(id) but lists no imports by event, so the ids of the lists
// uploaded from this device are kept here (ids only, nothing from the file) to show them again.
// Signing out clears them with the device's other data.
import { onSignOutClear } from '../auth/sign-out-cleanup';

const PREFIX = 'crm.imports.';
const KEEP = 20;

export function importIds(eventId: string): string[] {
  try {
    const raw = localStorage.getItem(PREFIX + eventId);
    const ids = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberImport(eventId: string, id: string): void {
  const ids = [id, ...importIds(eventId).filter((known) => known !== id)].slice(0, KEEP);
  try {
    localStorage.setItem(PREFIX + eventId, JSON.stringify(ids));
  } catch {
    // Storage full or forbidden: the list of earlier imports is a convenience only.
  }
}

onSignOutClear(() => {
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const key = localStorage.key(i);
    if (key?.startsWith(PREFIX)) localStorage.removeItem(key);
  }
});
