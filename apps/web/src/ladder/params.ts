// The dashboard's state lives in the address (?asOf=…&groupBy=…&municipality=…), so a view can be
// bookmarked, shared and linked to (the map links here with ?municipality=<code>).
import { ACTOR_KINDS, SECTORS } from '../actors/labels';
import { isDate } from '../events/period';
import type { ActorKind, LadderFilterInput, LadderGrouping, MeetingPlaceCode, Sector } from '../gql/graphql';
import { GROUPINGS, MEETING_PLACES } from './labels';
import { endedQuarterEnds, previousQuarterEnd } from './quarters';

export interface LadderFilterState {
  municipality: string | null;
  sector: Sector | null;
  meetingPlace: MeetingPlaceCode | null;
  kind: ActorKind | null;
}

export interface LadderState {
  /** The distribution's date. */
  asOf: string;
  groupBy: LadderGrouping;
  filter: LadderFilterState;
  /** The movement's period. */
  from: string;
  to: string;
}

/** The address's parameter names. */
export type LadderParam =
  'asOf' | 'groupBy' | 'municipality' | 'sector' | 'meetingPlace' | 'kind' | 'from' | 'to';

/** The filters besides kind: the committee may use one of them or a grouping, not two. */
export const DIMENSION_PARAMS = ['municipality', 'sector', 'meetingPlace'] as const;

const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | null =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;

const MUNICIPALITY_CODE = /^\d{4}$/;

/**
 * The state from the address; what is missing or malformed takes its default: the date today
 * (the committee: the last ended quarter's end), no grouping, and the movement from the quarter end
 * before the date to the date.
 */
export function parseLadderParams(
  params: URLSearchParams,
  { committee, today }: { committee: boolean; today: string },
): LadderState {
  const date = (name: LadderParam): string | null => {
    const value = params.get(name);
    return value !== null && isDate(value) ? value : null;
  };
  const asOf = date('asOf') ?? (committee ? endedQuarterEnds(today, 1)[0] : today);
  const municipality = params.get('municipality');
  const to = date('to') ?? asOf;
  return {
    asOf,
    groupBy: oneOf(params.get('groupBy'), GROUPINGS) ?? 'NONE',
    filter: {
      municipality: municipality !== null && MUNICIPALITY_CODE.test(municipality) ? municipality : null,
      sector: oneOf(params.get('sector'), SECTORS),
      meetingPlace: oneOf(params.get('meetingPlace'), MEETING_PLACES),
      kind: oneOf(params.get('kind'), ACTOR_KINDS),
    },
    from: date('from') ?? previousQuarterEnd(to),
    to,
  };
}

/**
 * The address after a change: each named parameter set, or removed when null or empty. For the
 * committee a grouping or a filter replaces the other dimension (one at a time besides kind).
 */
export function changeLadderParams(
  params: URLSearchParams,
  changes: Partial<Record<LadderParam, string | null>>,
  { committee }: { committee: boolean },
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '') next.delete(name);
    else next.set(name, value);
  }
  if (committee) {
    const changed = Object.keys(changes).find(
      (name) =>
        (name === 'groupBy' || (DIMENSION_PARAMS as readonly string[]).includes(name)) &&
        changes[name as LadderParam] &&
        changes[name as LadderParam] !== 'NONE',
    );
    if (changed) {
      for (const other of ['groupBy', ...DIMENSION_PARAMS]) if (other !== changed) next.delete(other);
    }
  }
  if (next.get('groupBy') === 'NONE') next.delete('groupBy');
  return next;
}

/** The filter as the API takes it. */
export function ladderFilterInput(filter: LadderFilterState): LadderFilterInput {
  const input: LadderFilterInput = {};
  if (filter.municipality) input.municipalityCode = filter.municipality;
  if (filter.sector) input.sector = filter.sector;
  if (filter.meetingPlace) input.meetingPlace = filter.meetingPlace;
  if (filter.kind) input.kind = filter.kind;
  return input;
}

/** The movement's filter: the committee sees the whole county's movement, by kind at most. */
export function movementFilterInput(filter: LadderFilterState, committee: boolean): LadderFilterInput {
  if (!committee) return ladderFilterInput(filter);
  return filter.kind ? { kind: filter.kind } : {};
}

/** Whether the committee's movement leaves out filters the distribution applies. */
export const movementIgnoresFilters = (filter: LadderFilterState, committee: boolean): boolean =>
  committee && DIMENSION_PARAMS.some((name) => filter[name] !== null);
