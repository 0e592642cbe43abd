import { MeetingPlaceCode } from './enums';

export interface MeetingPlace {
  code: MeetingPlaceCode;
  name: string;
  city: string;
  description: string;
}

export const MEETING_PLACES: readonly MeetingPlace[] = Object.freeze(
  [
    {
      code: MeetingPlaceCode.GRAND_HOTEL,
      name: 'Västerbotten på Grand Hôtel',
      city: 'Stockholm',
      description:
        'Dialog och nätverkande i Stockholm kring regionens strategiska frågor. Två mötesveckor varje januari inleder årscykeln, med temadagar, rundabordssamtal och diplomatmöten.',
    },
    {
      code: MeetingPlaceCode.MOTESPLATS_LYCKSELE,
      name: 'Mötesplats Lycksele',
      city: 'Lycksele',
      description:
        'Årlig mötesplats sedan 2013 för långsiktig samverkan mellan aktörer från hela länet, delvis deltagarstyrd med samtal, paneler, workshop och prisutdelningar.',
    },
    {
      code: MeetingPlaceCode.ALMEDALEN,
      name: 'Västerbotten i Almedalen',
      city: 'Visby',
      description:
        'Regionens perspektiv i den nationella politiken under Almedalsveckan, där regionala aktörer möter nationella beslutsfattare.',
    },
    {
      code: MeetingPlaceCode.DIGITALA_VASTERBOTTEN,
      name: 'Digitala Västerbotten',
      city: 'Digitalt',
      description:
        'Digital och hybrid plattform för att sprida kunskap och möjliggöra dialog, med en årlig konferens och utdelning av priset Guldmolnet.',
    },
  ].map((place) => Object.freeze(place)),
);

export function meetingPlaceByCode(code: MeetingPlaceCode): MeetingPlace {
  const place = MEETING_PLACES.find((p) => p.code === code);
  if (!place) throw new Error(`Unknown meeting place code: ${code}`);
  return place;
}
