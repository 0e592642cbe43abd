import { DomainValidationError } from '../validation';
import { fold } from './fold';

export type RegistrationField =
  | 'firstName'
  | 'lastName'
  | 'fullName'
  | 'email'
  | 'organisation'
  | 'organisationNumber'
  | 'title'
  | 'municipality'
  | 'role'
  | 'status'
  | 'checkedIn'
  | 'gender';

export interface ColumnMapping {
  /** Zero-based index of the column that holds each recognised field. */
  columns: Partial<Record<RegistrationField, number>>;
  /** Original header text of every column not recognised, blanks skipped, in file order. */
  ignoredColumns: string[];
}

/**
 * Header spellings per field, as event tools and spreadsheets write them (Eventbrite, Microsoft and
 * Google Forms, Mailchimp, Trippus, Lyyti, Netigate, hand-made Excel lists), compared after `fold`.
 * Exact matches only: "Buyer Email" (Eventbrite's purchaser) or "Ticket Type" must not be taken for
 * the attendee's email or role.
 */
const HEADER_SPELLINGS: Record<RegistrationField, readonly string[]> = {
  firstName: ['Förnamn', 'First name', 'Firstname', 'Given name', 'Tilltalsnamn', 'Deltagarens förnamn'],
  lastName: ['Efternamn', 'Last name', 'Lastname', 'Surname', 'Family name', 'Deltagarens efternamn'],
  fullName: [
    'Namn',
    'Name',
    'Fullständigt namn',
    'Full name',
    'Fullname',
    'För- och efternamn',
    'Förnamn och efternamn',
    'Deltagarnamn',
    'Deltagarens namn',
    'Ditt namn',
    'Attendee name',
    'Participant name',
    'Your name',
  ],
  email: [
    'E-post',
    'E-postadress',
    'Epost',
    'Mejl',
    'Mejladress',
    'Mail',
    'Mailadress',
    'Email',
    'E-mail',
    'Email address',
    'E-mail address',
    'Deltagarens e-post',
    'Attendee email',
  ],
  organisation: [
    'Organisation',
    'Organization',
    'Organisationsnamn',
    'Företag',
    'Företagsnamn',
    'Företag/organisation',
    'Organisation/företag',
    'Arbetsgivare',
    'Arbetsplats',
    'Myndighet/organisation',
    'Company',
    'Company name',
    'Employer',
    'Org',
  ],
  organisationNumber: [
    'Org.nr',
    'Orgnr',
    'Org nummer',
    'Organisationsnummer',
    'Organisation number',
    'Organization number',
    'Company registration number',
  ],
  title: [
    'Titel',
    'Title',
    'Befattning',
    'Yrkesroll',
    'Yrkestitel',
    'Tjänstetitel',
    'Job title',
    'Jobtitle',
    'Position',
  ],
  municipality: ['Kommun', 'Hemkommun', 'Arbetskommun', 'Verksamhetskommun', 'Kommunkod', 'Municipality'],
  role: [
    'Roll',
    'Role',
    'Deltagartyp',
    'Deltagarroll',
    'Typ av deltagare',
    'Medverkar som',
    'Participant type',
    'Attendee type',
    'Attendee role',
  ],
  status: [
    'Status',
    'Attendee status',
    'Anmälningsstatus',
    'Deltagarstatus',
    'Registration status',
    'Participation status',
  ],
  checkedIn: [
    'Närvaro',
    'Närvarande',
    'Incheckad',
    'Incheckning',
    'Checked in',
    'Check-in',
    'Check-in date',
    'Checked in date',
    'Attended',
    'Attendance',
  ],
  gender: ['Kön', 'Gender', 'Sex'],
};

const FIELD_BY_KEY: ReadonlyMap<string, RegistrationField> = new Map(
  (Object.entries(HEADER_SPELLINGS) as [RegistrationField, readonly string[]][]).flatMap(
    ([field, spellings]) => spellings.map((spelling) => [fold(spelling), field] as const),
  ),
);

/** The field a header names: as written, or else without a bracketed remark ("E-post (arbete)"). */
function fieldOf(header: string): RegistrationField | undefined {
  const exact = FIELD_BY_KEY.get(fold(header));
  if (exact) return exact;
  const withoutRemark = header.replace(/\([^)]*\)|\[[^\]]*\]/gu, ' ');
  return withoutRemark === header ? undefined : FIELD_BY_KEY.get(fold(withoutRemark));
}

/**
 * Maps a registration list's header row to the fields we import. Matching ignores case, accents,
 * whitespace and punctuation. When two columns name the same field the first wins and the later one
 * is ignored. Throws when no column holds a name (neither a full name nor a first name).
 */
export function recogniseColumns(headers: readonly string[]): ColumnMapping {
  const columns: Partial<Record<RegistrationField, number>> = {};
  const ignoredColumns: string[] = [];
  headers.forEach((header, index) => {
    const field = fieldOf(header);
    if (field !== undefined && columns[field] === undefined) {
      columns[field] = index;
    } else if (header.trim() !== '') {
      ignoredColumns.push(header);
    }
  });
  if (columns.fullName === undefined && columns.firstName === undefined) {
    throw new DomainValidationError(
      'file',
      'Filen saknar en kolumn för namn (t.ex. "Namn" eller "Förnamn" och "Efternamn")',
    );
  }
  return { columns, ignoredColumns };
}
