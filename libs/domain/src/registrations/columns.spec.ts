import { DomainValidationError } from '../validation';
import { recogniseColumns, RegistrationField } from './columns';

function errorOf(fn: () => unknown): DomainValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainValidationError) return e;
    throw e;
  }
  throw new Error('expected a DomainValidationError');
}

describe('recogniseColumns', () => {
  it('reads an Eventbrite attendee export', () => {
    const headers = [
      'Order #',
      'Order Date',
      'First Name',
      'Last Name',
      'Email',
      'Quantity',
      'Ticket Type',
      'Buyer Email',
      'Company',
      'Job Title',
      'Attendee Status',
      'Checked In',
    ];
    expect(recogniseColumns(headers)).toEqual({
      columns: {
        firstName: 2,
        lastName: 3,
        email: 4,
        organisation: 8,
        title: 9,
        status: 10,
        checkedIn: 11,
      },
      ignoredColumns: ['Order #', 'Order Date', 'Quantity', 'Ticket Type', 'Buyer Email'],
    });
  });

  it('reads a Google Forms export and ignores its timestamp', () => {
    expect(recogniseColumns(['Tidstämpel', 'E-postadress', 'Namn', 'Organisation', 'Roll'])).toEqual({
      columns: { email: 1, fullName: 2, organisation: 3, role: 4 },
      ignoredColumns: ['Tidstämpel'],
    });
    expect(recogniseColumns(['Timestamp', 'Email Address', 'Full name'])).toEqual({
      columns: { email: 1, fullName: 2 },
      ignoredColumns: ['Timestamp'],
    });
  });

  it('reads a Microsoft Forms export', () => {
    const headers = ['ID', 'Starttid', 'Slutförandetid', 'E-post', 'Namn', 'Vilken organisation?'];
    expect(recogniseColumns(headers)).toEqual({
      columns: { email: 3, fullName: 4 },
      ignoredColumns: ['ID', 'Starttid', 'Slutförandetid', 'Vilken organisation?'],
    });
  });

  it('reads a Mailchimp audience export', () => {
    const headers = ['Email Address', 'First Name', 'Last Name', 'Address', 'Phone Number', 'MEMBER_RATING'];
    expect(recogniseColumns(headers)).toEqual({
      columns: { email: 0, firstName: 1, lastName: 2 },
      ignoredColumns: ['Address', 'Phone Number', 'MEMBER_RATING'],
    });
  });

  it('reads the Swedish headers of Trippus, Lyyti and Netigate exports', () => {
    const headers = [
      'Förnamn',
      'Efternamn',
      'E-postadress',
      'Företag',
      'Org.nr',
      'Befattning',
      'Hemkommun',
      'Deltagartyp',
      'Status',
      'Incheckad',
      'Kön',
      'Mobilnummer',
    ];
    expect(recogniseColumns(headers)).toEqual({
      columns: {
        firstName: 0,
        lastName: 1,
        email: 2,
        organisation: 3,
        organisationNumber: 4,
        title: 5,
        municipality: 6,
        role: 7,
        status: 8,
        checkedIn: 9,
        gender: 10,
      },
      ignoredColumns: ['Mobilnummer'],
    });
  });

  it.each<[string, RegistrationField]>([
    ['Förnamn', 'firstName'],
    ['First Name', 'firstName'],
    ['Efternamn', 'lastName'],
    ['Last Name', 'lastName'],
    ['Namn', 'fullName'],
    ['Name', 'fullName'],
    ['Fullständigt namn', 'fullName'],
    ['Full name', 'fullName'],
    ['E-post', 'email'],
    ['e post', 'email'],
    ['EPOST', 'email'],
    ['E-postadress', 'email'],
    ['Mejl', 'email'],
    ['Email', 'email'],
    ['E-mail', 'email'],
    ['Email Address', 'email'],
    ['Organisation', 'organisation'],
    ['Företag', 'organisation'],
    ['FORETAG', 'organisation'],
    ['Arbetsgivare', 'organisation'],
    ['Company', 'organisation'],
    ['Org.nr', 'organisationNumber'],
    ['Org nr', 'organisationNumber'],
    ['Organisationsnummer', 'organisationNumber'],
    ['Titel', 'title'],
    ['Befattning', 'title'],
    ['Yrkesroll', 'title'],
    ['Job Title', 'title'],
    ['Kommun', 'municipality'],
    ['Hemkommun', 'municipality'],
    ['Roll', 'role'],
    ['Deltagartyp', 'role'],
    ['Status', 'status'],
    ['Attendee Status', 'status'],
    ['Närvaro', 'checkedIn'],
    ['NARVARO', 'checkedIn'],
    ['Incheckad', 'checkedIn'],
    ['Checked In', 'checkedIn'],
    ['Kön', 'gender'],
    ['Gender', 'gender'],
  ])('maps %p to %p', (header, field) => {
    const { columns } = recogniseColumns(['Namn', header]);
    const expected = field === 'fullName' ? 0 : 1;
    expect(columns[field]).toBe(expected);
  });

  it('ignores case, accents, whitespace and punctuation', () => {
    const { columns } = recogniseColumns(['  FÖRNAMN ', 'efter-namn', 'E - Post *', 'organisation:', 'Kon']);
    expect(columns).toEqual({ firstName: 0, lastName: 1, email: 2, organisation: 3, gender: 4 });
  });

  it('composes decomposed letters before comparing', () => {
    expect(recogniseColumns(['Fo\u0308rnamn']).columns).toEqual({ firstName: 0 });
  });

  it('reads a header with a remark in brackets', () => {
    const { columns } = recogniseColumns(['Namn (för- och efternamn)', 'E-post (arbete)', 'Kommun [kod]']);
    expect(columns).toEqual({ fullName: 0, email: 1, municipality: 2 });
  });

  it('does not match a header that merely contains a known word', () => {
    const { columns, ignoredColumns } = recogniseColumns([
      'Namn',
      'Buyer Email',
      'Namnskylt',
      'Roller i projektet',
    ]);
    expect(columns).toEqual({ fullName: 0 });
    expect(ignoredColumns).toEqual(['Buyer Email', 'Namnskylt', 'Roller i projektet']);
  });

  it('lets the first of two columns for one field win and lists the later one as ignored', () => {
    expect(recogniseColumns(['Namn', 'E-post', 'Email', 'Företag', 'Organisation'])).toEqual({
      columns: { fullName: 0, email: 1, organisation: 3 },
      ignoredColumns: ['Email', 'Organisation'],
    });
  });

  it('skips blank headers in the ignored list but keeps the indices of the others', () => {
    expect(recogniseColumns(['', 'Namn', '  ', 'Anteckning', 'E-post'])).toEqual({
      columns: { fullName: 1, email: 4 },
      ignoredColumns: ['Anteckning'],
    });
  });

  it('accepts a first name column without a last name column', () => {
    expect(recogniseColumns(['Förnamn', 'E-post']).columns).toEqual({ firstName: 0, email: 1 });
  });

  it.each([[['E-post', 'Organisation']], [['Efternamn', 'E-post']], [[]], [['', '']]])(
    'refuses headers without a name column: %p',
    (headers) => {
      const error = errorOf(() => recogniseColumns(headers));
      expect(error.field).toBe('file');
      expect(error.message).toBe(
        'Filen saknar en kolumn för namn (t.ex. "Namn" eller "Förnamn" och "Efternamn")',
      );
    },
  );
});
