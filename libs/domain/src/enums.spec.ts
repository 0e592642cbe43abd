import {
  ActorKind,
  AttendanceMode,
  EventFormat,
  Gender,
  LegalBasis,
  MeetingPlaceCode,
  ParticipationRole,
  ParticipationSource,
  ParticipationStatus,
  Role,
  RusPriority,
  Sector,
  eventFormatLabelSv,
  genderLabelSv,
  participationRoleLabelSv,
  participationRoleRank,
  participationStatusLabelSv,
  rusPriorityLabelSv,
  sectorLabelSv,
  strongerRole,
} from './enums';

const allEnums = {
  ActorKind,
  AttendanceMode,
  EventFormat,
  Gender,
  LegalBasis,
  MeetingPlaceCode,
  ParticipationRole,
  ParticipationSource,
  ParticipationStatus,
  Role,
  RusPriority,
  Sector,
};

describe('enums', () => {
  it.each(Object.entries(allEnums))('%s has values equal to keys', (_name, e) => {
    for (const [key, value] of Object.entries(e)) expect(value).toBe(key);
  });

  it('has the six RUS priorities and five penta-helix sectors', () => {
    expect(Object.values(RusPriority)).toHaveLength(6);
    expect(Object.values(Sector)).toHaveLength(5);
  });

  it('labels sectors in Swedish', () => {
    expect(sectorLabelSv).toEqual({
      PUBLIC_SECTOR: 'Offentlig sektor',
      BUSINESS: 'Näringsliv',
      ACADEMIA: 'Akademi',
      CIVIL_SOCIETY: 'Civilsamhälle',
      INNOVATION_SYSTEM: 'Innovationssystem',
    });
  });

  it.each([
    ['participationRoleLabelSv', participationRoleLabelSv, ParticipationRole],
    ['participationStatusLabelSv', participationStatusLabelSv, ParticipationStatus],
    ['genderLabelSv', genderLabelSv, Gender],
    ['eventFormatLabelSv', eventFormatLabelSv, EventFormat],
    ['rusPriorityLabelSv', rusPriorityLabelSv, RusPriority],
  ] as [string, Record<string, string>, Record<string, string>][])(
    '%s labels every value with a distinct non-empty text',
    (_name, labels, e) => {
      expect(Object.keys(labels).sort()).toEqual(Object.values(e).sort());
      const texts = Object.values(labels);
      expect(texts.every((t) => t.trim().length > 0)).toBe(true);
      expect(new Set(texts).size).toBe(texts.length);
    },
  );
});

describe('participation role rank', () => {
  it('orders audience < panelist < speaker < moderator < organiser', () => {
    const ordered = [
      ParticipationRole.AUDIENCE,
      ParticipationRole.PANELIST,
      ParticipationRole.SPEAKER,
      ParticipationRole.MODERATOR,
      ParticipationRole.ORGANISER,
    ];
    expect(ordered.map((r) => participationRoleRank[r])).toEqual([0, 1, 2, 3, 4]);
  });

  it('strongerRole picks the more active role regardless of argument order', () => {
    expect(strongerRole(ParticipationRole.AUDIENCE, ParticipationRole.SPEAKER)).toBe(
      ParticipationRole.SPEAKER,
    );
    expect(strongerRole(ParticipationRole.SPEAKER, ParticipationRole.AUDIENCE)).toBe(
      ParticipationRole.SPEAKER,
    );
    expect(strongerRole(ParticipationRole.ORGANISER, ParticipationRole.MODERATOR)).toBe(
      ParticipationRole.ORGANISER,
    );
    expect(strongerRole(ParticipationRole.PANELIST, ParticipationRole.PANELIST)).toBe(
      ParticipationRole.PANELIST,
    );
  });
});
