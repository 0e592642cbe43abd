import { InitSchema1764150000000 } from './1764150000000-init-schema';
import { ReferenceData1764150000001 } from './1764150000001-reference-data';
import { Ladder1764160000000 } from './1764160000000-ladder';
import { LadderMarkInOrder1764170000000 } from './1764170000000-ladder-mark-in-order';
import { Registrations1764180000000 } from './1764180000000-registrations';
import { QuarterlyReports1764190000000 } from './1764190000000-quarterly-reports';
import { Credentials1764200000000 } from './1764200000000-credentials';
import { SignIn1764300000000 } from './1764300000000-sign-in';
import { Door1764300000100 } from './1764300000100-door';
import { SavedFilters1764400000000 } from './1764400000000-saved-filters';
import { AccessLog1764500000000 } from './1764500000000-access-log';
import { Consent1764600000000 } from './1764600000000-consent';
import { DataProtection1764700000000 } from './1764700000000-data-protection';
import { RetentionIndexes1764700000400 } from './1764700000400-retention-indexes';

/** Every migration, in order. Listed explicitly so the compiled app and the tests load the same set. */
export const MIGRATIONS = [
  InitSchema1764150000000,
  ReferenceData1764150000001,
  Ladder1764160000000,
  LadderMarkInOrder1764170000000,
  Registrations1764180000000,
  QuarterlyReports1764190000000,
  Credentials1764200000000,
  SignIn1764300000000,
  Door1764300000100,
  SavedFilters1764400000000,
  AccessLog1764500000000,
  Consent1764600000000,
  DataProtection1764700000000,
  RetentionIndexes1764700000400,
];
