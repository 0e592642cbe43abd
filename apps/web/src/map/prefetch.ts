// The map opened directly: its figures (the same query and variables MapPage sends for the address),
// the boundaries it shows and its chunk are asked for from the entry's first module
// (auth/early-start.ts), not after the app has started and the session is known.
import { sendEarly } from '../auth/early-requests';
import { MapDistributionDocument } from '../gql/graphql';
import { loadExtendedMessages } from '../i18n/catalogue';
import { loadBoundaries } from './boundaries';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function prefetchMapPage(location: Pick<Location, 'pathname' | 'search'>): void {
  if (location.pathname.replace(/\/+$/, '') !== '/ladder/map') return;
  const params = new URLSearchParams(location.search);
  const asOf = params.get('asOf');
  // As MapContent reads the address; a committee member's date that is no ended quarter falls back
  // to the default there, and this early answer is then simply not used.
  sendEarly(MapDistributionDocument, {
    asOf: asOf !== null && DATE.test(asOf) && !Number.isNaN(Date.parse(asOf)) ? asOf : null,
  });
  void loadBoundaries(params.get('view') === 'sweden' ? 'sweden' : 'county').catch(() => undefined);
  void import('./MapPage').catch(() => undefined);
  void loadExtendedMessages().catch(() => undefined);
}
