import { useQuery } from '@apollo/client/react';
import { stockholmDate } from '@crm/domain/ladder/calendar';
import { COUNTY_MUNICIPALITIES } from '@crm/domain/regions';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { Form, Label, Radio, RadioGroup } from 'react-aria-components';
import { useNavigate, useSearchParams } from 'react-router';
import { ALL_ROLES, RequireRole } from '../auth/RequireSession';
import { useUser } from '../auth/session';
import { formatDate, t, type MessageKey } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { Link } from '../ui/Link';
import { ErrorMessage, LoadingMessage, StatusMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import { Select } from '../ui/Select';
import { TextField } from '../ui/TextField';
import { loadBoundaries, type Boundaries, type MapView } from './boundaries';
import {
  countScale,
  countText,
  dashboardHref,
  endedQuarters,
  figuresOf,
  formatPercent,
  isDate,
  outsideFigures,
  partialText,
  shareOf,
  shareScale,
  shareText,
  type Bucket,
  type MapScale,
  type Measure,
  type MunicipalityFigure,
  type PartialCount,
} from './map-data';
import { HatchPattern, MunicipalityMap } from './MunicipalityMap';
import { MapDistributionQuery } from './operations';
import './map.css';

/** The view's boundaries once fetched (null while on their way), or that they failed. */
function useBoundaries(view: MapView): { boundaries: Boundaries | null; failed: boolean } {
  const [state, setState] = useState<{ view: MapView; boundaries: Boundaries | null; failed: boolean }>({
    view,
    boundaries: null,
    failed: false,
  });
  useEffect(() => {
    let live = true;
    loadBoundaries(view).then(
      (boundaries) => live && setState({ view, boundaries, failed: false }),
      () => live && setState({ view, boundaries: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [view]);
  return state.view === view ? state : { boundaries: null, failed: false };
}

const EMPTY: readonly Bucket[] = [];

/**
 * `/ladder/map`: engaged actors per municipality (or their share on steps 3–5) as a map of the county
 * or of Sweden, with a legend and the same numbers in a table. The date, the area and the measure are
 * kept in the address (`?asOf=YYYY-MM-DD&view=sweden&measure=share`); choosing a municipality opens
 * the dashboard filtered to it (`/ladder?municipality=<code>`, with the date).
 */
export function MapContent({ committee }: { committee: boolean }) {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const view: MapView = params.get('view') === 'sweden' ? 'sweden' : 'county';
  const measure: Measure = params.get('measure') === 'share' ? 'share' : 'count';
  const quarters = useMemo(() => (committee ? endedQuarters() : []), [committee]);
  const requested = params.get('asOf');
  // The committee sees ended quarters only; anything else in the address falls back to the default.
  const asOf = committee
    ? (quarters.find((q) => q.id === requested)?.id ?? null)
    : isDate(requested)
      ? requested
      : null;
  const shownDate = asOf ?? (committee ? quarters[0].id : stockholmDate());

  const { data, previousData, loading, error } = useQuery(MapDistributionQuery, { variables: { asOf } });
  const shown = data ?? previousData;
  const buckets = shown?.ladderDistribution ?? EMPTY;
  const { boundaries, failed } = useBoundaries(view);

  const setParam = (name: string, value: string | null, replace = false) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(name);
    else next.set(name, value);
    setParams(next, { replace });
  };

  // Names: the county's from the register of regions (known before the boundaries arrive), Sweden's
  // from the boundaries (or the API's labels until then).
  const municipalities = useMemo(() => {
    if (view === 'county') return COUNTY_MUNICIPALITIES.map((m) => ({ code: m.code, name: m.nameSv }));
    if (boundaries) return boundaries.features.map((f) => f.properties);
    return buckets.filter((b) => /^\d{4}$/.test(b.group)).map((b) => ({ code: b.group, name: b.label }));
  }, [view, boundaries, buckets]);
  const figures = useMemo(() => figuresOf(municipalities, buckets), [municipalities, buckets]);
  const figureMap = useMemo(() => new Map(figures.map((f) => [f.code, f])), [figures]);
  const scale = useMemo(
    () => (measure === 'share' ? shareScale(figures) : countScale(figures)),
    [measure, figures],
  );
  const rows = useMemo(
    () =>
      figures
        .filter((f) => view === 'county' || f.total !== 0)
        .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    [figures, view],
  );
  const outside = useMemo(
    () => outsideFigures(buckets, new Set(municipalities.map((m) => m.code))),
    [buckets, municipalities],
  );

  const date = formatDate(shownDate);
  const measureLabel = t(measure === 'share' ? 'map.measure.share' : 'map.measure.count').toLowerCase();
  const anyWithheld = buckets.some((b) => b.suppressed || b.steps.some((s) => s.suppressed));
  const nobody = shown !== undefined && buckets.length === 0;

  return (
    <>
      <PageTitle>{t('map.title')}</PageTitle>
      <p className="prose">{t(committee ? 'map.introCommittee' : 'map.intro', { date })}</p>

      <div className="map-controls" role="group" aria-label={t('map.settings')}>
        {committee ? (
          <div className="map-controls__date">
            <Select
              label={t('map.quarter')}
              options={quarters}
              value={shownDate}
              onChange={(v) => v && setParam('asOf', v)}
            />
          </div>
        ) : (
          <DateForm key={asOf ?? ''} value={asOf} onChoose={(v) => setParam('asOf', v)} />
        )}
        <Segmented
          label={t('map.view')}
          value={view}
          options={[
            { id: 'county', label: t('map.view.county') },
            { id: 'sweden', label: t('map.view.sweden') },
          ]}
          onChange={(v) => setParam('view', v === 'sweden' ? 'sweden' : null, true)}
        />
        <Segmented
          label={t('map.measure')}
          value={measure}
          options={[
            { id: 'count', label: t('map.measure.count') },
            { id: 'share', label: t('map.measure.share') },
          ]}
          onChange={(v) => setParam('measure', v === 'share' ? 'share' : null, true)}
        />
      </div>

      {error && !shown ? <ErrorMessage>{t('app.error.generic')}</ErrorMessage> : null}
      {loading && !shown ? <LoadingMessage>{t('app.loading')}</LoadingMessage> : null}
      {nobody ? <StatusMessage>{t('map.empty')}</StatusMessage> : null}
      {failed ? <ErrorMessage>{t('map.boundariesError')}</ErrorMessage> : null}

      {shown ? (
        <div className="map-layout">
          <div className="map-layout__map">
            {boundaries ? (
              <MunicipalityMap
                boundaries={boundaries}
                view={view}
                figures={figureMap}
                scale={scale}
                label={t(view === 'sweden' ? 'map.svgLabel.sweden' : 'map.svgLabel.county', {
                  measure: measureLabel,
                  date,
                })}
                ready={!loading}
                isInteractive={(f) => view === 'county' || (f !== undefined && f.total !== 0)}
                hrefOf={(code) => dashboardHref(code, asOf)}
                onChoose={(code) => void navigate(dashboardHref(code, asOf))}
              />
            ) : failed ? null : (
              <p className={`map__placeholder map__placeholder--${view}`}>{t('map.loadingMap')}</p>
            )}
          </div>
          <div className="map-layout__side">
            <Legend scale={scale} measure={measure} />
            {view === 'sweden' ? <p className="hint">{t('map.swedenFocusHint')}</p> : null}
            {anyWithheld ? <p className="hint">{t('map.withheldNote')}</p> : null}
            <Outside outside={outside} view={view} />
          </div>
        </div>
      ) : null}

      {shown ? <FigureTable rows={rows} view={view} date={date} asOf={asOf} /> : null}
    </>
  );
}

/** The staff's date: any day, today when empty; shown when "Visa" is pressed. */
function DateForm({ value, onChoose }: { value: string | null; onChoose: (value: string | null) => void }) {
  const [text, setText] = useState(value ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text === '') onChoose(null);
    else if (isDate(text)) onChoose(text);
  };
  return (
    <Form onSubmit={submit} className="map-controls__date map-date">
      <TextField
        label={t('map.date')}
        type="date"
        value={text}
        onChange={setText}
        description={t('map.dateHint')}
      />
      <Button type="submit" variant="secondary">
        {t('map.show')}
      </Button>
    </Form>
  );
}

/** Two or three choices side by side (a radio group: arrow keys move between them). */
function Segmented({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: { id: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <RadioGroup className="segmented" value={value} onChange={onChange} orientation="horizontal">
      <Label className="field__label">{label}</Label>
      <div className="segmented__options">
        {options.map((o) => (
          <Radio key={o.id} value={o.id} className="segmented__option">
            <span className="segmented__dot" aria-hidden="true" />
            {o.label}
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}

/** The classes with their ranges: a swatch (colour, or hatch when withheld) and the words. */
function Legend({ scale, measure }: { scale: MapScale; measure: Measure }) {
  const id = `legend${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <div className="map-legend">
      <p className="map-legend__title" id={`${id}-title`}>
        {t('map.legend')}
        <span className="map-legend__unit">
          {t(measure === 'share' ? 'map.legend.unit.share' : 'map.legend.unit.count')}
        </span>
      </p>
      <ul className="map-legend__list" aria-labelledby={`${id}-title`}>
        {scale.classes.map((c) => (
          <li key={c.key} className="map-legend__item">
            <svg className="map-legend__swatch" viewBox="0 0 32 20" aria-hidden="true">
              {c.hatched ? (
                <defs>
                  <HatchPattern id={`${id}-hatch`} />
                </defs>
              ) : null}
              <rect
                x="1"
                y="1"
                width="30"
                height="18"
                fill={c.hatched ? `url(#${id}-hatch)` : c.fill}
                stroke="#1b1f23"
                strokeWidth="1.5"
              />
            </svg>
            {c.label}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Engaged actors the map cannot show: other counties' municipalities, no municipality, abroad. */
function Outside({ outside, view }: { outside: ReturnType<typeof outsideFigures>; view: MapView }) {
  const some = (c: PartialCount) => c.known > 0 || c.withheld;
  const lines: string[] = [];
  if (view === 'county' && some(outside.otherMunicipalities)) {
    lines.push(t('map.outside.otherCounties', { count: partialText(outside.otherMunicipalities) }));
  }
  if (some(outside.noMunicipality)) {
    lines.push(t('map.outside.noMunicipality', { count: partialText(outside.noMunicipality) }));
  }
  if (outside.abroad.length > 0) {
    const list = outside.abroad.map((a) => `${a.name} ${countText(a.total)}`).join(', ');
    lines.push(t('map.outside.abroad', { list }));
  }
  return (
    <section className="map-outside" aria-labelledby="map-outside-heading">
      <h2 id="map-outside-heading" className="map-outside__heading">
        {t('map.outside')}
      </h2>
      {lines.length === 0 ? (
        <p>{t('map.outside.none')}</p>
      ) : (
        <ul>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The map's numbers as a table (for screen readers and for copying), with the county's total. */
function FigureTable({
  rows,
  view,
  date,
  asOf,
}: {
  rows: MunicipalityFigure[];
  view: MapView;
  date: string;
  asOf: string | null;
}) {
  const total = rows.reduce<PartialCount>(
    (c, f) => (f.total === null ? { ...c, withheld: true } : { ...c, known: c.known + f.total }),
    { known: 0, withheld: false },
  );
  const active = rows.every((f) => f.active !== null)
    ? rows.reduce((sum, f) => sum + (f.active ?? 0), 0)
    : null;
  const totalShare = total.withheld ? null : shareOf(total.known, active);
  const caption: MessageKey = view === 'sweden' ? 'map.table.caption.sweden' : 'map.table.caption.county';
  return (
    <section aria-labelledby="map-table-heading">
      <h2 id="map-table-heading">{t('map.table.heading')}</h2>
      {rows.length === 0 ? (
        <p>{t('map.swedenEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="map-table">
            <caption>{t(caption, { date })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('map.table.municipality')}</th>
                <th scope="col" className="map-table__number">
                  {t('map.table.count')}
                </th>
                <th scope="col" className="map-table__number">
                  {t('map.table.share')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => (
                <tr key={f.code}>
                  <th scope="row">
                    <Link href={dashboardHref(f.code, asOf)}>{f.name}</Link>
                  </th>
                  <td className="map-table__number">{countText(f.total)}</td>
                  <td className="map-table__number">{shareText(f)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('map.table.total')}</th>
                <td className="map-table__number">{partialText(total)}</td>
                <td className="map-table__number">
                  {totalShare !== null
                    ? formatPercent(totalShare)
                    : total.known === 0 && !total.withheld
                      ? t('map.noShare')
                      : t('map.withheldShort')}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}

export function MapPage() {
  const user = useUser();
  return <MapContent committee={user.role === 'COMMITTEE'} />;
}

export function Component() {
  return (
    <RequireRole roles={ALL_ROLES}>
      <MapPage />
    </RequireRole>
  );
}
