import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import type { MeetingPlaceCode } from '../gql/graphql';
import { MeetingPlacesQuery } from './operations';

/** The meeting places (reference data) and a way to name one by its code. */
export function useMeetingPlaces() {
  const { data } = useQuery(MeetingPlacesQuery, { fetchPolicy: 'cache-first' });
  return useMemo(() => {
    const places = data?.meetingPlaces ?? [];
    const names = new Map(places.map((p) => [p.code, p.name]));
    return {
      places,
      options: places.map((p) => ({ id: p.code, label: p.name })),
      nameOf: (code: MeetingPlaceCode) => names.get(code) ?? code,
    };
  }, [data]);
}
