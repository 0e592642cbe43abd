import { addMonths } from './calendar';
import { ActorEvidence, classify } from './evidence';
import { parseRuleSet, RULES_V1 } from './rules';
import { ladderTimeline, periodOn } from './timeline';

const none: ActorEvidence = { participations: [], memberships: [], engagements: [] };
const attended = (
  id: string,
  actorId: string,
  eventDate: string,
  role = 'AUDIENCE',
  status = 'ATTENDED',
) => ({
  id,
  actorId,
  eventId: `e-${id}`,
  eventDate,
  role,
  status,
});
const items = (evidence: Partial<ActorEvidence>) => classify({ ...none, ...evidence }, RULES_V1.windowMonths);

describe('ladder timeline', () => {
  it('gives nothing for registrations, no-shows and cancellations', () => {
    const own = items({
      participations: ['REGISTERED', 'NO_SHOW', 'CANCELLED'].map((status, i) =>
        attended(`p${i}`, 'a', '2026-01-01', 'SPEAKER', status),
      ),
    });
    expect(ladderTimeline(own, [], RULES_V1)).toEqual([]);
  });

  it('counts evidence for 24 months, then the actor steps down and finally is no longer engaged', () => {
    const periods = ladderTimeline(
      items({ participations: [attended('p1', 'a', '2024-01-10'), attended('p2', 'a', '2024-06-01')] }),
      [],
      RULES_V1,
    );
    expect(
      periods.map(({ from, until, level, previousLevel }) => ({ from, until, level, previousLevel })),
    ).toEqual([
      { from: '2024-01-10', until: '2024-06-01', level: 1, previousLevel: null },
      { from: '2024-06-01', until: '2026-01-10', level: 2, previousLevel: 1 },
      { from: '2026-01-10', until: '2026-06-01', level: 1, previousLevel: 2 },
    ]);
    expect(periodOn(periods, '2026-06-01')).toBeNull();
    expect(periodOn(periods, '2026-05-31')?.level).toBe(1);
  });

  it('keeps a membership counting while it runs and for the window after it ends', () => {
    const membership = {
      id: 'm1',
      actorId: 'a',
      initiativeId: 'wg',
      initiativeKind: 'WORKING_GROUP',
      initiativeSectorCount: 1,
      role: 'MEMBER',
      joinedOn: '2020-01-01',
      leftOn: '2025-03-31',
    };
    const periods = ladderTimeline(items({ memberships: [membership] }), [], RULES_V1);
    expect(periods).toHaveLength(1);
    expect(periods[0]).toMatchObject({ from: '2020-01-01', until: '2027-03-31', level: 3 });
    const ongoing = ladderTimeline(items({ memberships: [{ ...membership, leftOn: null }] }), [], RULES_V1);
    expect(ongoing[0].until).toBeNull();
  });

  it('needs two sectors in a collaboration, and a partner or lead role in it', () => {
    const base = {
      id: 'm1',
      actorId: 'a',
      initiativeId: 'c',
      initiativeKind: 'COLLABORATION',
      joinedOn: '2026-01-01',
      leftOn: null,
    };
    const level = (sectors: number, role: string) =>
      ladderTimeline(
        items({ memberships: [{ ...base, initiativeSectorCount: sectors, role }] }),
        [],
        RULES_V1,
      )[0]?.level ?? 0;
    expect(level(2, 'PARTNER')).toBe(4);
    expect(level(2, 'LEAD')).toBe(4);
    expect(level(1, 'PARTNER')).toBe(0);
    expect(level(5, 'MEMBER')).toBe(0);
  });

  it("places an organisation at the highest of its own step and its people's", () => {
    const own = items({ participations: [attended('o1', 'org', '2026-01-01')] });
    const anna = items({
      engagements: [
        {
          id: 'e1',
          actorId: 'anna',
          kind: 'POLICY_INFLUENCE',
          occurredOn: '2026-02-01',
          eventId: null,
          initiativeId: null,
        },
      ],
    });
    const erik = items({
      participations: [attended('p1', 'erik', '2026-01-15'), attended('p2', 'erik', '2026-01-20')],
    });
    const periods = ladderTimeline(own, [anna, erik], RULES_V1);
    // Everything has expired by the time Anna's influence does (2028-02-01): not engaged after that.
    expect(periods.map((p) => [p.from, p.until, p.level])).toEqual([
      ['2026-01-01', '2026-01-20', 1],
      ['2026-01-20', '2026-02-01', 2],
      ['2026-02-01', '2028-02-01', 5],
    ]);
    // The reason names the person whose record lifted the organisation.
    expect(periodOn(periods, '2026-03-01')?.reasons).toEqual([
      expect.objectContaining({
        rule: 'INFLUENCE',
        actorId: 'anna',
        engagementId: 'e1',
        detail: 'POLICY_INFLUENCE',
      }),
    ]);
    // Two people at one event each do not make the organisation interested: steps are not pooled.
    const one = items({ participations: [attended('x1', 'p', '2026-01-01')] });
    const other = items({ participations: [attended('x2', 'q', '2026-01-02')] });
    expect(ladderTimeline([], [one, other], RULES_V1).map((p) => p.level)).toEqual([1]);
  });

  it('follows a changed window from the rule set', () => {
    const short = parseRuleSet(2, { ...RULES_V1, windowMonths: 6 });
    const periods = ladderTimeline(
      classify({ ...none, participations: [attended('p', 'a', '2026-01-31')] }, 6),
      [],
      short,
    );
    expect(periods[0].until).toBe('2026-07-31');
  });

  it('refuses a broken rule set', () => {
    expect(() => parseRuleSet(3, { windowMonths: 0, steps: RULES_V1.steps })).toThrow(/windowMonths/);
    expect(() => parseRuleSet(3, { windowMonths: 12, steps: [{ step: 'FAME', anyOf: [] }] })).toThrow(
      /unknown step/,
    );
    expect(() =>
      parseRuleSet(3, {
        windowMonths: 12,
        steps: [{ step: 'AWARENESS', anyOf: [{ evidence: 'LIKES', min: 1 }] }],
      }),
    ).toThrow(/unknown evidence/);
  });
});

describe('calendar', () => {
  it('adds months as PostgreSQL does, clamping to the end of shorter months', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-12-15', 24)).toBe('2025-12-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });
});
