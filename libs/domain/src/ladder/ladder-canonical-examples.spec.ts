import { ActorEvidence, classify } from './evidence';
import { RULES_V1 } from './rules';
import { LadderStep, levelOf } from './steps';
import { ladderTimeline, periodOn } from './timeline';

/** The five canonical examples of DOMAIN.md land on steps 1 to 5. */
const none: ActorEvidence = { participations: [], memberships: [], engagements: [] };
const place = (
  actorId: string,
  evidence: Partial<ActorEvidence>,
  asOf: string,
  members: ActorEvidence[] = [],
) => {
  const own = classify({ ...none, ...evidence }, RULES_V1.windowMonths);
  const periods = ladderTimeline(
    own,
    members.map((m) => classify(m, RULES_V1.windowMonths)),
    RULES_V1,
  );
  return periodOn(periods, asOf);
};
const attended = (id: string, actorId: string, eventDate: string, role = 'AUDIENCE') => ({
  id,
  actorId,
  eventId: `event-${id}`,
  eventDate,
  role,
  status: 'ATTENDED',
});

describe('the canonical examples of the engagement ladder', () => {
  it('1. a decision-maker at a themed discussion on the green transition for the first time: Medvetenhet', () => {
    const period = place(
      'leader',
      { participations: [attended('p1', 'leader', '2026-03-10')] },
      '2026-03-10',
    );
    expect(period?.level).toBe(levelOf(LadderStep.AWARENESS));
    expect(period?.reasons).toEqual([
      expect.objectContaining({
        rule: LadderStep.AWARENESS,
        source: 'PARTICIPATION',
        sourceId: 'p1',
        occurredOn: '2026-03-10',
      }),
    ]);
  });

  it('2. a researcher who had only observed joins a panel at Mötesplats Lycksele: Intresse', () => {
    const before = place(
      'researcher',
      { participations: [attended('p1', 'researcher', '2025-05-13')] },
      '2026-05-11',
    );
    expect(before?.level).toBe(1);
    const period = place(
      'researcher',
      {
        participations: [
          attended('p1', 'researcher', '2025-05-13'),
          attended('p2', 'researcher', '2026-05-12', 'PANELIST'),
        ],
      },
      '2026-05-12',
    );
    expect(period).toMatchObject({
      level: levelOf(LadderStep.INTEREST),
      previousLevel: 1,
      from: '2026-05-12',
    });
    expect(period?.reasons.map((r) => r.sourceId)).toEqual(['p2', 'p1']);
  });

  it('3. a company that attended Grand Hôtel joins a working group on sustainable energy: Deltagande', () => {
    const period = place(
      'company',
      {
        participations: [attended('p1', 'company', '2026-01-20')],
        memberships: [
          {
            id: 'm1',
            actorId: 'company',
            initiativeId: 'energy-group',
            initiativeKind: 'WORKING_GROUP',
            initiativeSectorCount: 1,
            role: 'MEMBER',
            joinedOn: '2026-02-01',
            leftOn: null,
          },
        ],
      },
      '2026-06-01',
    );
    expect(period).toMatchObject({
      level: levelOf(LadderStep.PARTICIPATION),
      from: '2026-02-01',
      until: null,
    });
    expect(period?.reasons[0]).toMatchObject({ evidence: 'WORKING_GROUP', initiativeId: 'energy-group' });
  });

  it('4. a municipality first in the audience becomes a partner in a cross-sector collaboration: Samverkan', () => {
    const period = place(
      'municipality',
      {
        participations: [attended('p1', 'municipality', '2025-09-01')],
        memberships: [
          {
            id: 'm1',
            actorId: 'municipality',
            initiativeId: 'infrastructure',
            initiativeKind: 'COLLABORATION',
            initiativeSectorCount: 3,
            role: 'PARTNER',
            joinedOn: '2025-11-01',
            leftOn: null,
          },
        ],
      },
      '2026-01-01',
    );
    expect(period?.level).toBe(levelOf(LadderStep.COLLABORATION));
    expect(period?.previousLevel).toBe(1);
  });

  it('5. a business association starts an advocacy effort for Norrbotniabanan: Påverkan och handling', () => {
    const period = place(
      'association',
      {
        participations: [attended('p1', 'association', '2025-06-25', 'SPEAKER')],
        memberships: [
          {
            id: 'm1',
            actorId: 'association',
            initiativeId: 'norrbotniabanan',
            initiativeKind: 'OWN_INITIATIVE',
            initiativeSectorCount: 1,
            role: 'LEAD',
            joinedOn: '2025-10-01',
            leftOn: null,
          },
        ],
      },
      '2026-01-01',
    );
    expect(period?.level).toBe(levelOf(LadderStep.INFLUENCE));
    expect(period?.reasons[0]).toMatchObject({ rule: LadderStep.INFLUENCE, evidence: 'OWN_INITIATIVE_LEAD' });
  });
});
