// The Swedish catalogue: one file a feature, each key prefixed with its feature's name. A second
// language is a second catalogue with the same keys (the types below make a missing key an error).
//
// Two parts, so the door's first load carries only the texts it shows: the core (the shell, sign-in,
// home, events, participants and the door) is in the app's entry chunk; the rest comes in one chunk
// of its own, loaded before any page that needs it (app/routes.tsx waits for it).
import { appMessages } from '../app/app.messages';
import { attendanceMessages } from '../attendance/attendance.messages';
import { authMessages } from '../auth/auth.messages';
import { eventsMessages } from '../events/events.messages';
import { homeMessages } from '../home/home.messages';
import { participationsMessages } from '../participations/participations.messages';
import type { extendedMessages } from './extended-catalogue';

export const coreMessages = {
  ...appMessages,
  ...authMessages,
  ...homeMessages,
  ...eventsMessages,
  ...participationsMessages,
  ...attendanceMessages,
} as const;

export type MessageKey = keyof typeof coreMessages | keyof typeof extendedMessages;

const messages = new Map<string, string>(Object.entries(coreMessages));
let extended: Promise<void> | null = null;

/** Loads the texts of the pages beyond the door (once); route loaders await it before their page. */
export function loadExtendedMessages(): Promise<void> {
  extended ??= import('./extended-catalogue').then((m) => addMessages(m.extendedMessages));
  return extended;
}

/** Adds texts to the catalogue (the extended part once loaded; tests add it at start). */
export function addMessages(more: Partial<Record<MessageKey, string>>): void {
  for (const [key, text] of Object.entries(more)) messages.set(key, text as string);
}

/** The text of a key, or the key itself when its part of the catalogue is not loaded (a bug). */
export function messageOf(key: MessageKey): string {
  return messages.get(key) ?? key;
}
