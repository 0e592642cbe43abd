import { normaliseEmail } from '../email';
import { Gender, ParticipationRole, ParticipationStatus, strongerRole } from '../enums';
import { normaliseOrganisationNumber } from '../organisation-number';
import { DomainValidationError } from '../validation';
import { ColumnMapping, RegistrationField } from './columns';
import { cleanText, fold } from './fold';

export interface RegistrationRow {
  /** As given by the caller: the line (CSV) or row number (Excel) in the uploaded file. */
  line: number;
  /** Full name, or first + ' ' + last: NFC, trimmed, inner whitespace collapsed, at most 200 characters. */
  name: string;
  /** Trimmed, lower-case (normaliseEmail); null when blank. */
  email: string | null;
  organisation: string | null;
  /** Canonical NNNNNN-NNNN (normaliseOrganisationNumber); null when blank. */
  organisationNumber: string | null;
  title: string | null;
  /** The cell's text (a name like "Umeå" or a 4-digit code); the caller resolves it. */
  municipality: string | null;
  /** AUDIENCE when there is no role column or the cell is blank. */
  role: ParticipationRole;
  /** From the status and check-in columns; null when neither says anything. */
  status: ParticipationStatus | null;
  gender: Gender | null;
}

export type RowResult = { ok: true; row: RegistrationRow } | { ok: false; line: number; reason: string };

/** The same limit requireName (text.ts) and the API apply to names and titles. */
const MAX_TEXT_LENGTH = 200;

function vocabulary<T>(entries: readonly (readonly [T, readonly string[]])[]): ReadonlyMap<string, T> {
  return new Map(entries.flatMap(([value, words]) => words.map((word) => [fold(word), value] as const)));
}

const ROLES = vocabulary<ParticipationRole>([
  [
    ParticipationRole.AUDIENCE,
    ['Publik', 'Deltagare', 'Åhörare', 'Besökare', 'Attendee', 'Audience', 'Participant', 'Visitor'],
  ],
  [ParticipationRole.PANELIST, ['Panel', 'Paneldeltagare', 'Panelist', 'Panellist']],
  [
    ParticipationRole.SPEAKER,
    ['Talare', 'Föreläsare', 'Föredragshållare', 'Inledare', 'Speaker', 'Presenter', 'Keynote'],
  ],
  [ParticipationRole.MODERATOR, ['Moderator', 'Samtalsledare', 'Host', 'Programledare']],
  [
    ParticipationRole.ORGANISER,
    ['Arrangör', 'Organisatör', 'Medarrangör', 'Organiser', 'Organizer', 'Co-organiser', 'Co-organizer'],
  ],
]);

const STATUSES = vocabulary<ParticipationStatus>([
  [
    ParticipationStatus.REGISTERED,
    ['Anmäld', 'Registrerad', 'Bekräftad', 'Registered', 'Attending', 'Confirmed'],
  ],
  [
    ParticipationStatus.ATTENDED,
    ['Deltog', 'Deltagit', 'Närvarande', 'Närvarat', 'Incheckad', 'Attended', 'Checked in', 'Present'],
  ],
  [ParticipationStatus.NO_SHOW, ['Uteblev', 'Uteblivit', 'Frånvarande', 'No-show', 'No show', 'Absent']],
  [
    ParticipationStatus.CANCELLED,
    ['Avanmäld', 'Avbokad', 'Återbud', 'Cancelled', 'Canceled', 'Refunded', 'Not attending'],
  ],
]);

const CHECKED_IN_YES = new Set(['ja', 'j', 'yes', 'y', 'x', '1', 'true', 'sant']);
const CHECKED_IN_NO = new Set(['', 'nej', 'no', 'n', '0', 'false', 'falskt']);
const CHECK_MARKS = new Set(['✓', '✔', '☑', '✅']);
// A check-in time as tools export it: 2025-03-14, 2025-03-14 09:12, 14/3/2025 9:12, 14.03.2025, 09:12.
const DATE_OR_TIME = /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}:\d{2})\b/u;

const GENDERS = vocabulary<Gender>([
  [Gender.WOMAN, ['Kvinna', 'K', 'Woman', 'Female', 'F']],
  [Gender.MAN, ['Man', 'M', 'Male']],
  [Gender.NON_BINARY, ['Icke-binär', 'Ickebinär', 'Non-binary', 'Nonbinary', 'Annat', 'Annan', 'Other']],
  [
    Gender.NOT_STATED,
    ['Vill ej ange', 'Vill inte ange', 'Vill inte uppge', 'Ej angivet', 'Prefer not to say'],
  ],
]);

const ROLE_HINT = '(använd t.ex. Publik, Talare, Moderator, Panel, Arrangör)';
const STATUS_HINT = '(använd t.ex. Anmäld, Deltog, Uteblev, Avanmäld)';
const CHECKED_IN_HINT = '(använd Ja eller Nej, eller t.ex. Deltog eller Uteblev)';

/** A row problem: caught by interpretRow and turned into a rejected row, never thrown to the caller. */
class RowProblem extends Error {}

function quoted(value: string): string {
  return `"${value}"`;
}

/** A role cell: one word from the vocabulary, or several ("Talare/Moderator") of which the most active counts. */
function roleOf(raw: string): ParticipationRole {
  if (raw === '') return ParticipationRole.AUDIENCE;
  const whole = ROLES.get(fold(raw));
  if (whole) return whole;
  const parts = raw.split(/[,/;&+]|\boch\b|\band\b/iu).filter((part) => fold(part) !== '');
  const roles = parts.map((part) => ROLES.get(fold(part)));
  if (parts.length > 1 && roles.every((role) => role !== undefined)) {
    return (roles as ParticipationRole[]).reduce(strongerRole);
  }
  throw new RowProblem(`Okänd roll: ${quoted(raw)} ${ROLE_HINT}`);
}

function statusOf(raw: string): ParticipationStatus | null {
  if (raw === '') return null;
  const status = STATUSES.get(fold(raw));
  if (!status) throw new RowProblem(`Okänd status: ${quoted(raw)} ${STATUS_HINT}`);
  return status;
}

/** A check-in cell says ATTENDED (yes, a tick or a time), nothing (no, blank), or a status word. */
function checkedInOf(raw: string): ParticipationStatus | null {
  const key = fold(raw);
  if (CHECK_MARKS.has(raw) || CHECKED_IN_YES.has(key) || DATE_OR_TIME.test(raw)) {
    return ParticipationStatus.ATTENDED;
  }
  if (CHECKED_IN_NO.has(key)) return null;
  const status = STATUSES.get(key);
  if (!status) throw new RowProblem(`Okänt värde för närvaro: ${quoted(raw)} ${CHECKED_IN_HINT}`);
  return status;
}

function genderOf(raw: string): Gender | null {
  // Self-reported and optional: an answer we do not recognise is not worth losing the row over.
  return GENDERS.get(fold(raw)) ?? null;
}

function emailOf(raw: string): string | null {
  try {
    return normaliseEmail(raw.replace(/^mailto:/iu, ''));
  } catch (error) {
    if (error instanceof DomainValidationError)
      throw new RowProblem(
        'Ogiltig e-postadress (adressen upprepas inte här: rätta den i filen på den raden)',
      );
    throw error;
  }
}

/**
 * Whether a value that is not an organisation number is a Swedish personal identity number (with or
 * without century). Such a value is personal data: the reason that rejects it must not repeat it.
 */
function looksLikePersonalIdentityNumber(raw: string): boolean {
  const digits = raw.replace(/\D/gu, '');
  if (digits.length === 12) return /^(19|20)\d{2}[01]\d/u.test(digits);
  return digits.length === 10 && /^\d{2}[01]\d/u.test(digits);
}

function organisationNumberOf(raw: string): string | null {
  // Spaces as in "556036 0793", and the VAT number SE556036079301 that invoicing lists carry.
  const compact = raw.replace(/\s+/gu, '').replace(/^SE(\d{10})01$/iu, '$1');
  try {
    return normaliseOrganisationNumber(compact);
  } catch (error) {
    if (!(error instanceof DomainValidationError)) throw error;
    if (looksLikePersonalIdentityNumber(raw)) {
      throw new RowProblem(
        'Organisationsnumret är ett personnummer (enskild firma) och sparas inte; lämna fältet tomt',
      );
    }
    const why = /check digit/u.test(error.message) ? 'fel kontrollsiffra' : 'ska ha formen NNNNNN-NNNN';
    throw new RowProblem(`Ogiltigt organisationsnummer: ${quoted(raw)} (${why})`);
  }
}

function optionalText(raw: string, tooLong: string): string | null {
  if (raw === '') return null;
  if ([...raw].length > MAX_TEXT_LENGTH) throw new RowProblem(`${tooLong} (högst ${MAX_TEXT_LENGTH} tecken)`);
  return raw;
}

/** Municipality codes are four digits; Excel drops the leading zero of 0114 (Upplands Väsby). */
function municipalityOf(raw: string): string | null {
  if (raw === '') return null;
  return /^\d{3}$/u.test(raw) ? `0${raw}` : raw;
}

function nameOf(full: string, first: string, last: string): string {
  const name = full !== '' ? full : [first, last].filter((part) => part !== '').join(' ');
  if (name === '') throw new RowProblem('Namn saknas');
  if ([...name].length > MAX_TEXT_LENGTH) {
    throw new RowProblem(`Namnet är för långt (högst ${MAX_TEXT_LENGTH} tecken)`);
  }
  return name;
}

/**
 * Turns one data row of a registration list into a validated row, or a reason (in Swedish, for the
 * person who uploaded the file) why it cannot be imported. A row whose cells are all blank is skipped:
 * null. Never throws for a problem with the row.
 */
export function interpretRow(
  cells: readonly string[],
  mapping: ColumnMapping,
  line: number,
): RowResult | null {
  if (cells.every((cell) => cleanText(cell) === '')) return null;
  const cell = (field: RegistrationField): string => {
    const index = mapping.columns[field];
    return index === undefined ? '' : cleanText(cells[index]);
  };

  try {
    const name = nameOf(cell('fullName'), cell('firstName'), cell('lastName'));
    const email = emailOf(cell('email'));
    const organisation = optionalText(cell('organisation'), 'Organisationens namn är för långt');
    const organisationNumber = organisationNumberOf(cell('organisationNumber'));
    const title = optionalText(cell('title'), 'Titeln är för lång');
    const municipality = municipalityOf(cell('municipality'));
    const role = roleOf(cell('role'));
    const status = statusOf(cell('status'));
    const checkedIn = checkedInOf(cell('checkedIn'));
    const gender = genderOf(cell('gender'));

    // Either column saying the person came wins: a cancelled ticket that was checked in attended.
    const attended = status === ParticipationStatus.ATTENDED || checkedIn === ParticipationStatus.ATTENDED;
    return {
      ok: true,
      row: {
        line,
        name,
        email,
        organisation,
        organisationNumber,
        title,
        municipality,
        role,
        status: attended ? ParticipationStatus.ATTENDED : (status ?? checkedIn),
        gender,
      },
    };
  } catch (error) {
    if (error instanceof RowProblem) return { ok: false, line, reason: error.message };
    // Anything else is a bug here, yet one bad row must not sink the whole import.
    return { ok: false, line, reason: `Raden kunde inte läsas (${(error as Error).message})` };
  }
}
