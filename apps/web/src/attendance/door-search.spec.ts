import { adjustCounts } from './door-counts';
import { codeInScan, codeInSearch } from './door-code';
import { fold, localSearch, nameKey, withRows } from './door-search';
import { participant } from './door-test-utils';
import type { QueueItem } from './door-queue';

const people = [
  participant({ id: '1', name: 'Åsa Öberg', organisation: 'Umeå kommun', email: 'asa@umea.se' }),
  participant({ id: '2', name: 'Anna Andersson', organisation: 'Skellefteå Kraft' }),
  participant({ id: '3', name: 'Per Annander', organisation: 'Umeå universitet' }),
  participant({ id: '4', name: 'Lena Berg', email: 'lena.berg@example.se' }),
];

describe('searching the device’s list offline', () => {
  it('ignores case and accents', () => {
    expect(fold('  Åsa   ÖBERG ')).toBe('asa oberg');
    expect(localSearch(people, 'asa ober').map((p) => p.name)).toEqual(['Åsa Öberg']);
  });

  it('needs every word in the name, email or organisation', () => {
    expect(
      localSearch(people, 'umea')
        .map((p) => p.id)
        .sort(),
    ).toEqual(['1', '3']);
    expect(localSearch(people, 'umea per').map((p) => p.id)).toEqual(['3']);
    expect(localSearch(people, 'example').map((p) => p.id)).toEqual(['4']);
    expect(localSearch(people, '   ')).toEqual([]);
  });

  it('puts names starting with the query first, then a name word starting with it', () => {
    expect(localSearch(people, 'ann').map((p) => p.name)).toEqual(['Anna Andersson', 'Per Annander']);
  });
});

describe('ranking as the server does', () => {
  const named = [
    participant({ id: '1', name: 'Karin Anna-Lena Berg' }),
    participant({ id: '2', name: 'Anna-Karin Öberg' }),
    participant({ id: '3', name: 'Annika Ek', organisation: 'Karin AB' }),
  ];

  it('reads punctuation in a name as a space, as person_name_key does', () => {
    expect(nameKey('  Anna-Karin  Öberg ')).toBe('anna karin oberg');
    // "anna k" is the start of "anna karin oberg", though the name is written with a hyphen.
    expect(localSearch(named, 'anna k').map((p) => p.id)).toEqual(['2', '1']);
  });

  it('puts a name word starting with a query word before a match elsewhere', () => {
    // Starts with it, a later name word starts with it, only the organisation has it.
    expect(localSearch(named, 'karin').map((p) => p.id)).toEqual(['1', '2', '3']);
    expect(localSearch(named, 'lena').map((p) => p.id)).toEqual(['1']);
  });

  it('keeps at most the limit, best first, on a large list', () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      participant({ id: String(i), name: `${i % 2 ? 'Anna' : 'Bo'} Person${String(i).padStart(4, '0')}` }),
    );
    const found = localSearch(many, 'anna');
    expect(found).toHaveLength(20);
    expect(found[0].name).toBe('Anna Person0001');
    expect(found.every((p) => p.name.startsWith('Anna'))).toBe(true);
  });
});

describe('the server’s rows folded into the device’s list', () => {
  it('replaces changed rows, adds new ones and keeps the same list when nothing changed', () => {
    const checkedIn = { ...people[1], status: 'ATTENDED' as const, checkedInAt: '2026-03-05T08:14:00Z' };
    const newcomer = participant({ id: '9', name: 'Anneli Nilsson' });
    const { list, changed } = withRows(people, [people[0], checkedIn, newcomer]);
    expect(changed).toEqual([checkedIn, newcomer]);
    expect(list.map((p) => p.id)).toEqual(['1', '2', '3', '4', '9']);
    expect(list[1]).toBe(checkedIn);
    expect(people[1].status).toBe('REGISTERED');
    expect(withRows(people, [{ ...people[0] }]).list).toBe(people);
  });
});

describe('a check-in code in the search box', () => {
  it('is recognised however it is typed, and a name is not', () => {
    expect(codeInSearch('VB-7K3M-9QXD-2HTR')).toBe('VB-7K3M-9QXD-2HTR');
    expect(codeInSearch(' vb7k3m 9qxd 2htr ')).toBe('VB-7K3M-9QXD-2HTR');
    expect(codeInSearch('annasvensson')).toBeNull();
    expect(codeInSearch('Anna')).toBeNull();
  });

  it('is read from a QR code that holds a link ending in the code', () => {
    expect(codeInScan('https://example.se/c/VB-7K3M-9QXD-2HTR')).toBe('VB-7K3M-9QXD-2HTR');
    expect(codeInScan('hello')).toBeNull();
  });
});

describe('counts while taps wait to be sent', () => {
  it('adds queued check-ins and walk-ins and takes away undos, for this event only', () => {
    const base = { registered: 100, attended: 10, walkIns: 2 };
    const item = (kind: QueueItem['kind'], eventId = 'e1') =>
      ({
        kind,
        eventId,
        key: kind,
        userId: 'u',
        occurredAt: '',
        name: '',
        actorId: '',
        participationId: '',
        person: { name: '' },
      }) as QueueItem;
    expect(
      adjustCounts(
        base,
        [item('checkIn'), item('checkIn'), item('undo'), item('walkIn'), item('checkIn', 'e2')],
        'e1',
      ),
    ).toEqual({
      registered: 100,
      attended: 12,
      walkIns: 3,
    });
  });
});
