import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ACTOR_KINDS, kindLabel, SECTORS, sectorLabel } from '../actors/labels';
import { isDate } from '../events/period';
import type { SessionUser } from '../auth/auth-api';
import { ALL_ROLES, PERSONAL_DATA_ROLES, RequireRole } from '../auth/RequireSession';
import { useUser } from '../auth/session';
import type { MeetingPlaceCode } from '../gql/graphql';
import { t } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { ErrorMessage, LoadingMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import { Select, type SelectOption } from '../ui/Select';
import { TextField } from '../ui/TextField';
import { DistributionSection, distributionRows } from './DistributionSection';
import { ladderErrorMessages } from './errors';
import { GROUPINGS, groupingLabel, MEETING_PLACES } from './labels';
import { day, MovementSection } from './MovementSection';
import { LadderChoicesQuery, LadderDashboardQuery, LadderTrendQuery } from './operations';
import {
  changeLadderParams,
  ladderFilterInput,
  movementFilterInput,
  movementIgnoresFilters,
  parseLadderParams,
  type LadderParam,
} from './params';
import { endedQuarterEnds, quarterLabel, stockholmToday, trendQuarterEnds } from './quarters';
import { TrendSection, trendRows } from './TrendSection';
import './ladder.css';

const ALL = 'ALL';
/** Västerbotten: the municipalities the filter offers. */
const COUNTY_CODE = '24';
/** The quarters the committee may choose among (three years). */
const COMMITTEE_QUARTERS = 12;

type Role = SessionUser['role'];

/**
 * `/ladder`: the dashboard. Section 1, the actors on each step on a date per group; section 2, the
 * movement between two dates with its matrix; section 3, the last eight quarters. The address holds
 * the choices. The committee gets quarter ends, disclosure control, and no names.
 */
export function LadderDashboard({ role, today: givenToday }: { role: Role; today?: string }) {
  const [params, setParams] = useSearchParams();
  const committee = role === 'COMMITTEE';
  const canListActors = PERSONAL_DATA_ROLES.includes(role);
  const today = useMemo(() => givenToday ?? stockholmToday(), [givenToday]);
  const state = parseLadderParams(params, { committee, today });
  const filter = ladderFilterInput(state.filter);
  const movementFilter = movementFilterInput(state.filter, committee);
  const trendDates = useMemo(() => trendQuarterEnds(today), [today]);

  // The chart library's chunk is fetched and evaluated while the numbers are on their way (the main
  // thread is idle then), so only drawing is left once the tables are shown.
  useEffect(() => {
    void import('./LadderChart');
  }, []);

  const choices = useQuery(LadderChoicesQuery, { fetchPolicy: 'cache-first' });
  const dashboard = useQuery(LadderDashboardQuery, {
    variables: {
      asOf: state.asOf,
      groupBy: state.groupBy,
      filter,
      movementFilter,
      from: state.from,
      to: state.to,
    },
  });
  // The trend (eight aggregates) waits for the first answer above, so the tables the user came for
  // are not queued behind it on the server; after that it follows the filter on its own.
  const [trendStarted, setTrendStarted] = useState(false);
  const dashboardSettled = Boolean(dashboard.data || dashboard.error);
  useEffect(() => {
    if (dashboardSettled) setTrendStarted(true);
  }, [dashboardSettled]);
  const trend = useQuery(LadderTrendQuery, {
    skip: !trendStarted,
    variables: {
      filter,
      q1: trendDates[0],
      q2: trendDates[1],
      q3: trendDates[2],
      q4: trendDates[3],
      q5: trendDates[4],
      q6: trendDates[5],
      q7: trendDates[6],
      q8: trendDates[7],
    },
  });

  const meetingPlaceNames = useMemo(
    () => new Map((choices.data?.meetingPlaces ?? []).map((p) => [p.code as string, p.name])),
    [choices.data],
  );
  const municipalityNames = useMemo(
    () => new Map((choices.data?.municipalities ?? []).map((m) => [m.code, m.name])),
    [choices.data],
  );
  const rows = useMemo(
    () =>
      dashboard.data
        ? distributionRows(
            dashboard.data.ladderDistribution,
            state.groupBy,
            (code) => meetingPlaceNames.get(code) ?? code,
          )
        : [],
    [dashboard.data, state.groupBy, meetingPlaceNames],
  );
  const trendData = useMemo(
    () => (trend.data ? trendRows(trend.data, trendDates) : null),
    [trend.data, trendDates],
  );

  const update = (changes: Partial<Record<LadderParam, string | null>>) =>
    setParams(changeLadderParams(params, changes, { committee }));

  const quarterOptions: SelectOption[] = endedQuarterEnds(today, COMMITTEE_QUARTERS).map((date) => ({
    id: date,
    label: quarterLabel(date),
  }));
  const withOption = (options: SelectOption[], value: string): SelectOption[] =>
    options.some((o) => o.id === value) ? options : [...options, { id: value, label: day(value) }];

  const municipalityOptions: SelectOption[] = [
    { id: ALL, label: t('ladder.filter.allMunicipalities') },
    ...(choices.data?.municipalities ?? [])
      .filter((m) => m.countyCode === COUNTY_CODE)
      .map((m) => ({ id: m.code, label: m.name })),
  ];
  if (state.filter.municipality && !municipalityOptions.some((o) => o.id === state.filter.municipality)) {
    const code = state.filter.municipality;
    municipalityOptions.push({ id: code, label: municipalityNames.get(code) ?? code });
  }

  const active: { param: LadderParam; name: string; value: string }[] = [];
  if (state.filter.municipality) {
    active.push({
      param: 'municipality',
      name: t('ladder.filter.municipality'),
      value: municipalityNames.get(state.filter.municipality) ?? state.filter.municipality,
    });
  }
  if (state.filter.sector) {
    active.push({
      param: 'sector',
      name: t('ladder.filter.sector'),
      value: sectorLabel(state.filter.sector),
    });
  }
  if (state.filter.meetingPlace) {
    active.push({
      param: 'meetingPlace',
      name: t('ladder.filter.meetingPlace'),
      value: meetingPlaceNames.get(state.filter.meetingPlace) ?? state.filter.meetingPlace,
    });
  }
  if (state.filter.kind) {
    active.push({ param: 'kind', name: t('ladder.filter.kind'), value: kindLabel(state.filter.kind) });
  }

  const errors = dashboard.error && !dashboard.data ? ladderErrorMessages(dashboard.error) : [];

  return (
    <div className="ladder" data-ready={dashboard.data ? 'true' : undefined}>
      <PageTitle>{t('ladder.title')}</PageTitle>
      <p className="prose">{t('ladder.intro')}</p>

      <section aria-labelledby="ladder-filters-heading" className="ladder-filters-section">
        <h2 id="ladder-filters-heading" className="visually-hidden">
          {t('ladder.filters')}
        </h2>
        {committee ? <p className="hint">{t('ladder.filter.committeeHint')}</p> : null}
        <div className="ladder-filters">
          {committee ? (
            <Select
              label={t('ladder.filter.quarter')}
              options={withOption(quarterOptions, state.asOf)}
              value={state.asOf}
              onChange={(v) => v && update({ asOf: v })}
            />
          ) : (
            <TextField
              label={t('ladder.filter.asOf')}
              type="date"
              value={state.asOf}
              onChange={(v) => isDate(v) && update({ asOf: v })}
            />
          )}
          <Select
            label={t('ladder.filter.groupBy')}
            options={GROUPINGS.map((g) => ({ id: g, label: groupingLabel(g) }))}
            value={state.groupBy}
            onChange={(v) => update({ groupBy: v })}
          />
          <Select
            label={t('ladder.filter.municipality')}
            options={municipalityOptions}
            value={state.filter.municipality ?? ALL}
            onChange={(v) => update({ municipality: v === ALL ? null : v })}
          />
          <Select
            label={t('ladder.filter.sector')}
            options={[
              { id: ALL, label: t('ladder.filter.allSectors') },
              ...SECTORS.map((s) => ({ id: s, label: sectorLabel(s) })),
            ]}
            value={state.filter.sector ?? ALL}
            onChange={(v) => update({ sector: v === ALL ? null : v })}
          />
          <Select
            label={t('ladder.filter.meetingPlace')}
            options={[
              { id: ALL, label: t('ladder.filter.allMeetingPlaces') },
              ...MEETING_PLACES.map((code: MeetingPlaceCode) => ({
                id: code,
                label: meetingPlaceNames.get(code) ?? code,
              })),
            ]}
            value={state.filter.meetingPlace ?? ALL}
            onChange={(v) => update({ meetingPlace: v === ALL ? null : v })}
          />
          <Select
            label={t('ladder.filter.kind')}
            options={[
              { id: ALL, label: t('ladder.filter.allKinds') },
              ...ACTOR_KINDS.map((k) => ({ id: k, label: t(`actors.kindPlural.${k}`) })),
            ]}
            value={state.filter.kind ?? ALL}
            onChange={(v) => update({ kind: v === ALL ? null : v })}
          />
        </div>
        {active.length > 0 ? (
          <div className="ladder-active" role="group" aria-labelledby="ladder-active-heading">
            <h3 id="ladder-active-heading" className="ladder-active__heading">
              {t('ladder.active.heading')}
            </h3>
            <ul className="ladder-active__list">
              {active.map((a) => (
                <li key={a.param} className="ladder-active__item">
                  <span>{t('ladder.active.item', { name: a.name, value: a.value })}</span>
                  <Button
                    variant="secondary"
                    aria-label={t('ladder.active.removeLabel', { name: a.name, value: a.value })}
                    onPress={() => update({ [a.param]: null })}
                  >
                    {t('ladder.active.remove')}
                  </Button>
                </li>
              ))}
            </ul>
            {active.length > 1 ? (
              <Button
                variant="quiet"
                onPress={() => update({ municipality: null, sector: null, meetingPlace: null, kind: null })}
              >
                {t('ladder.active.clearAll')}
              </Button>
            ) : null}
          </div>
        ) : null}
      </section>

      {errors.length > 0 ? (
        <ErrorMessage>
          {errors.map((message) => (
            <p key={message} className="ladder-error">
              {message}
            </p>
          ))}
        </ErrorMessage>
      ) : null}

      <section aria-labelledby="ladder-distribution-heading">
        <h2 id="ladder-distribution-heading">{t('ladder.distribution.heading')}</h2>
        {dashboard.loading && !dashboard.data && errors.length === 0 ? (
          <LoadingMessage>{t('ladder.loading')}</LoadingMessage>
        ) : null}
        {dashboard.data ? (
          <DistributionSection rows={rows} grouping={state.groupBy} asOf={state.asOf} />
        ) : null}
      </section>

      <section aria-labelledby="ladder-movement-heading">
        <h2 id="ladder-movement-heading">{t('ladder.movement.heading')}</h2>
        <div className="ladder-filters ladder-filters--period">
          {committee ? (
            <>
              <Select
                label={t('ladder.movement.fromQuarter')}
                options={withOption(
                  quarterOptions.filter((o) => o.id < state.to),
                  state.from,
                )}
                value={state.from}
                onChange={(v) => v && update({ from: v })}
              />
              <Select
                label={t('ladder.movement.toQuarter')}
                options={withOption(
                  quarterOptions.filter((o) => o.id > state.from),
                  state.to,
                )}
                value={state.to}
                onChange={(v) => v && update({ to: v })}
              />
            </>
          ) : (
            <>
              <TextField
                label={t('ladder.movement.from')}
                type="date"
                value={state.from}
                onChange={(v) => isDate(v) && update({ from: v })}
              />
              <TextField
                label={t('ladder.movement.to')}
                type="date"
                value={state.to}
                onChange={(v) => isDate(v) && update({ to: v })}
              />
            </>
          )}
        </div>
        <p>{t('ladder.movement.period', { from: day(state.from), to: day(state.to) })}</p>
        {movementIgnoresFilters(state.filter, committee) ? (
          <p className="alert alert--info">{t('ladder.movement.wholeCounty')}</p>
        ) : null}
        {dashboard.loading && !dashboard.data && errors.length === 0 ? (
          <LoadingMessage>{t('ladder.loading')}</LoadingMessage>
        ) : null}
        {dashboard.data ? (
          <MovementSection
            movement={dashboard.data.ladderMovement}
            from={state.from}
            to={state.to}
            filter={movementFilter}
            canListActors={canListActors}
          />
        ) : null}
      </section>

      <section aria-labelledby="ladder-trend-heading">
        <h2 id="ladder-trend-heading">{t('ladder.trend.heading')}</h2>
        {(trend.loading || !trendStarted) && !trend.data ? (
          <LoadingMessage>{t('ladder.loading')}</LoadingMessage>
        ) : null}
        {trend.error && !trend.data ? (
          <ErrorMessage>
            {ladderErrorMessages(trend.error).map((message) => (
              <p key={message} className="ladder-error">
                {message}
              </p>
            ))}
          </ErrorMessage>
        ) : null}
        {trendData ? <TrendSection rows={trendData} /> : null}
      </section>
    </div>
  );
}

function LadderForUser() {
  const user = useUser();
  return <LadderDashboard role={user.role} />;
}

export function Component() {
  return (
    <RequireRole roles={ALL_ROLES}>
      <LadderForUser />
    </RequireRole>
  );
}
