// The page's filter: kept in the address (so a link can be shared), saved as JSON per user, and sent
// as query parameters to the exports. Every form uses the ActorFilterInput field names.
import { SUB_REGIONS } from '@crm/domain/regions';
import { ACTOR_KINDS, SECTORS, STEPS } from '../actors/labels';
import type { ActorFilterInput, InitiativeKind, LadderStep, MeetingPlaceCode, Sector } from '../gql/graphql';
import { t } from '../i18n/i18n';
import { INITIATIVE_KINDS } from '../initiatives/labels';

const MEETING_PLACES = Object.keys({
  GRAND_HOTEL: true,
  MOTESPLATS_LYCKSELE: true,
  ALMEDALEN: true,
  DIGITALA_VASTERBOTTEN: true,
} satisfies Record<MeetingPlaceCode, true>) as MeetingPlaceCode[];

export const stepLabel = (step: LadderStep): string => t(`inviteNext.step.${step}`);
export const initiativeKindLabel = (kind: InitiativeKind): string => t(`inviteNext.initiativeKind.${kind}`);
export const SUB_REGION_OPTIONS = SUB_REGIONS.map((r) => ({ id: r.code, label: r.nameSv }));

/** The fields of ActorFilterInput this page filters by, in the order of the form and the exports. */
export const FILTER_FIELDS = [
  'ladderStep',
  'sector',
  'municipalityCode',
  'subRegion',
  'meetingPlace',
  'withoutInitiativeKind',
  'kind',
  'search',
] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
/** The page's filter: only the fields that are set, each a valid value. */
export type InviteFilter = Pick<ActorFilterInput, FilterField>;

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: string): T | null =>
    (values as readonly string[]).includes(value) ? (value as T) : null;

/** As the export's `search` parameter allows (GET /exports/actors.csv). */
const MAX_SEARCH = 100;

/** How each field's value is checked; an unknown or malformed value is left out, never sent. */
const checks: { [F in FilterField]-?: (value: string) => NonNullable<InviteFilter[F]> | null } = {
  ladderStep: oneOf(STEPS),
  sector: oneOf<Sector>(SECTORS),
  municipalityCode: (value) => (/^\d{4}$/.test(value) ? value : null),
  subRegion: oneOf(SUB_REGIONS.map((r) => r.code)),
  meetingPlace: oneOf(MEETING_PLACES),
  withoutInitiativeKind: oneOf(INITIATIVE_KINDS),
  kind: oneOf(ACTOR_KINDS),
  search: (value) => {
    const text = value.trim().slice(0, MAX_SEARCH);
    return text ? text : null;
  },
};

/** A filter from any source of field values (the address, a saved filter), keeping only valid ones. */
function sanitise(read: (field: FilterField) => unknown): InviteFilter {
  const filter: Record<string, string> = {};
  for (const field of FILTER_FIELDS) {
    const raw = read(field);
    if (typeof raw !== 'string') continue;
    const value = checks[field](raw);
    if (value !== null) filter[field] = value;
  }
  return filter as InviteFilter;
}

export function filterFromParams(params: URLSearchParams): InviteFilter {
  return sanitise((field) => params.get(field));
}

/** Query parameters named as the ActorFilterInput fields, in a fixed order; empty ones left out. */
export function filterToParams(filter: InviteFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of FILTER_FIELDS) {
    const value = filter[field];
    if (value) params.set(field, String(value));
  }
  return params;
}

/** The same filter with one field changed (null clears it). */
export function withField(filter: InviteFilter, field: FilterField, value: string | null): InviteFilter {
  const next: Record<string, unknown> = { ...filter };
  delete next[field];
  return sanitise((f) => (f === field ? value : next[f]));
}

/** The filter as saved: a JSON object of the fields that are set. */
export function filterToJson(filter: InviteFilter): string {
  return JSON.stringify(Object.fromEntries(filterToParams(filter)));
}

/** A saved filter's JSON as a filter (unknown fields and values dropped); null when it is not an object. */
export function filterFromJson(text: string): InviteFilter | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const object = value as Record<string, unknown>;
  return sanitise((field) => object[field]);
}

/** Equal filters give equal keys, whatever the order their fields came in. */
export const filterKey = (filter: InviteFilter): string => filterToParams(filter).toString();

export const isEmptyFilter = (filter: InviteFilter): boolean => filterKey(filter) === '';

/**
 * The filter as the API's list and exports take it: always `invitable`, so that a person whose consent
 * is withdrawn (legal basis CONSENT, no open consent) is never proposed or exported for an invitation.
 */
export function invitableFilter(filter: InviteFilter): ActorFilterInput {
  return { ...filter, invitable: true };
}

/** The API's export of the actors the filter lets through (`/exports/actors.csv` or `.xlsx`). */
export function exportHref(format: 'csv' | 'xlsx', filter: InviteFilter): string {
  const params = filterToParams(filter);
  params.set('invitable', 'true');
  return `/exports/actors.${format}?${params.toString()}`;
}
