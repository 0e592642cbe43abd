import { adjustCounts } from './door-counts';
import { codeInScan, codeInSearch } from './door-code';
import { fold, localSearch } from './door-search';
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
