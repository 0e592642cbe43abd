import { changeLadderParams, ladderFilterInput, movementFilterInput, parseLadderParams } from './params';

const parse = (query: string, committee = false) =>
  parseLadderParams(new URLSearchParams(query), { committee, today: '2026-12-04' });

describe('the dashboard address', () => {
  it('defaults to today, no grouping and the movement since the last quarter end', () => {
    expect(parse('')).toEqual({
      asOf: '2026-12-04',
      groupBy: 'NONE',
      filter: { municipality: null, sector: null, meetingPlace: null, kind: null },
      from: '2026-09-30',
      to: '2026-12-04',
    });
  });

  it('gives the committee the last ended quarter and the quarter before it', () => {
    const state = parse('', true);
    expect(state.asOf).toBe('2026-09-30');
    expect(state.from).toBe('2026-06-30');
    expect(state.to).toBe('2026-09-30');
  });

  it('reads every choice and ignores what is malformed', () => {
    const state = parse(
      'asOf=2026-06-30&groupBy=SECTOR&municipality=2480&sector=ACADEMIA&meetingPlace=ALMEDALEN&kind=PERSON&from=2026-01-01&to=2026-06-30',
    );
    expect(state).toEqual({
      asOf: '2026-06-30',
      groupBy: 'SECTOR',
      filter: { municipality: '2480', sector: 'ACADEMIA', meetingPlace: 'ALMEDALEN', kind: 'PERSON' },
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(ladderFilterInput(state.filter)).toEqual({
      municipalityCode: '2480',
      sector: 'ACADEMIA',
      meetingPlace: 'ALMEDALEN',
      kind: 'PERSON',
    });
    const bad = parse('asOf=2026-13-45&groupBy=WHATEVER&municipality=Umeå&sector=x&kind=ROBOT&from=igår');
    expect(bad.asOf).toBe('2026-12-04');
    expect(bad.groupBy).toBe('NONE');
    expect(bad.filter).toEqual({ municipality: null, sector: null, meetingPlace: null, kind: null });
    expect(bad.from).toBe('2026-09-30');
  });

  it('follows the date with the movement unless the period is chosen', () => {
    expect(parse('asOf=2026-05-10')).toMatchObject({ from: '2026-03-31', to: '2026-05-10' });
  });

  it('sets and removes parameters, dropping the default grouping', () => {
    const next = changeLadderParams(
      new URLSearchParams('municipality=2480&groupBy=SECTOR'),
      { municipality: null, groupBy: 'NONE', kind: 'ORGANISATION' },
      { committee: false },
    );
    expect(next.toString()).toBe('kind=ORGANISATION');
  });

  it('lets staff combine a grouping with filters', () => {
    const next = changeLadderParams(
      new URLSearchParams('municipality=2480'),
      { groupBy: 'SECTOR' },
      { committee: false },
    );
    expect(next.get('municipality')).toBe('2480');
    expect(next.get('groupBy')).toBe('SECTOR');
  });

  it("keeps the committee's choices to one dimension besides kind: the new one replaces the old", () => {
    const grouped = changeLadderParams(
      new URLSearchParams('municipality=2480&kind=PERSON'),
      { groupBy: 'SECTOR' },
      { committee: true },
    );
    expect(grouped.toString()).toBe('kind=PERSON&groupBy=SECTOR');
    const filtered = changeLadderParams(grouped, { meetingPlace: 'ALMEDALEN' }, { committee: true });
    expect(filtered.toString()).toBe('kind=PERSON&meetingPlace=ALMEDALEN');
  });

  it("limits the committee's movement to kind", () => {
    const filter = { municipality: '2480', sector: null, meetingPlace: null, kind: 'PERSON' as const };
    expect(movementFilterInput(filter, true)).toEqual({ kind: 'PERSON' });
    expect(movementFilterInput(filter, false)).toEqual({ municipalityCode: '2480', kind: 'PERSON' });
  });
});
