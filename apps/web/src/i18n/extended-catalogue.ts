// The catalogue's second part: the texts of every page beyond the door (see catalogue.ts).
import { accessibilityMessages } from '../accessibility/accessibility.messages';
import { privacyMessages } from '../privacy/privacy.messages';
import { actorsMessages } from '../actors/actors.messages';
import { duplicatesMessages } from '../duplicates/duplicates.messages';
import { initiativesMessages } from '../initiatives/initiatives.messages';
import { inviteNextMessages } from '../invite-next/invite-next.messages';
import { ladderMessages } from '../ladder/ladder.messages';
import { mapMessages } from '../map/map.messages';
import { registrationsMessages } from '../registrations/registrations.messages';
import { reportsMessages } from '../reports/reports.messages';
import { usersMessages } from '../users/users.messages';
import { dataProtectionMessages } from '../data-protection/data-protection.messages';

export const extendedMessages = {
  ...registrationsMessages,
  ...duplicatesMessages,
  ...actorsMessages,
  ...ladderMessages,
  ...mapMessages,
  ...inviteNextMessages,
  ...initiativesMessages,
  ...reportsMessages,
  ...usersMessages,
  ...dataProtectionMessages,
  ...accessibilityMessages,
  ...privacyMessages,
} as const;
