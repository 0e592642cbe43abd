// The Swedish catalogue: one file a feature, each key prefixed with its feature's name. A second
// language is a second catalogue with the same keys (the type below makes a missing key an error).
import { accessibilityMessages } from '../accessibility/accessibility.messages';
import { actorsMessages } from '../actors/actors.messages';
import { appMessages } from '../app/app.messages';
import { attendanceMessages } from '../attendance/attendance.messages';
import { authMessages } from '../auth/auth.messages';
import { duplicatesMessages } from '../duplicates/duplicates.messages';
import { eventsMessages } from '../events/events.messages';
import { homeMessages } from '../home/home.messages';
import { initiativesMessages } from '../initiatives/initiatives.messages';
import { inviteNextMessages } from '../invite-next/invite-next.messages';
import { ladderMessages } from '../ladder/ladder.messages';
import { mapMessages } from '../map/map.messages';
import { participationsMessages } from '../participations/participations.messages';
import { registrationsMessages } from '../registrations/registrations.messages';
import { reportsMessages } from '../reports/reports.messages';
import { usersMessages } from '../users/users.messages';

export const catalogue = {
  ...appMessages,
  ...authMessages,
  ...homeMessages,
  ...eventsMessages,
  ...participationsMessages,
  ...attendanceMessages,
  ...registrationsMessages,
  ...duplicatesMessages,
  ...actorsMessages,
  ...ladderMessages,
  ...mapMessages,
  ...inviteNextMessages,
  ...initiativesMessages,
  ...reportsMessages,
  ...usersMessages,
  ...accessibilityMessages,
} as const;

export type MessageKey = keyof typeof catalogue;
