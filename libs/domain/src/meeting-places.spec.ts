import { MeetingPlaceCode } from './enums';
import { MEETING_PLACES, meetingPlaceByCode } from './meeting-places';

describe('MEETING_PLACES', () => {
  it('lists the four meeting places with their official names and cities', () => {
    expect(MEETING_PLACES.map(({ code, name, city }) => ({ code, name, city }))).toEqual([
      { code: MeetingPlaceCode.GRAND_HOTEL, name: 'Västerbotten på Grand Hôtel', city: 'Stockholm' },
      { code: MeetingPlaceCode.MOTESPLATS_LYCKSELE, name: 'Mötesplats Lycksele', city: 'Lycksele' },
      { code: MeetingPlaceCode.ALMEDALEN, name: 'Västerbotten i Almedalen', city: 'Visby' },
      { code: MeetingPlaceCode.DIGITALA_VASTERBOTTEN, name: 'Digitala Västerbotten', city: 'Digitalt' },
    ]);
  });

  it('covers every MeetingPlaceCode exactly once, each with a description', () => {
    expect(MEETING_PLACES.map((p) => p.code).sort()).toEqual(Object.values(MeetingPlaceCode).sort());
    for (const place of MEETING_PLACES) expect(place.description.length).toBeGreaterThan(20);
  });

  it('is immutable', () => {
    expect(Object.isFrozen(MEETING_PLACES)).toBe(true);
    expect(Object.isFrozen(MEETING_PLACES[0])).toBe(true);
  });

  it('looks a place up by code', () => {
    expect(meetingPlaceByCode(MeetingPlaceCode.ALMEDALEN).city).toBe('Visby');
  });
});
