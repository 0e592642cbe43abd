// The figures of one version of a quarterly report, as the PDF shows them: tables with captions and
// Swedish labels. Only aggregates: no person is ever named here (organisations that reached step 5
// are named for staff only; the committee sees their number).
import { useId, type ReactNode } from 'react';
import { GENDERS, genderLabel, sectorLabel, STEPS } from '../actors/labels';
import type {
  Gender,
  LadderStep,
  QuarterlyReportFiguresQuery,
  ReportComparedFragment,
  ReportGenderFragment,
  ReportStepFragment,
} from '../gql/graphql';
import { t } from '../i18n/i18n';
import {
  formatCalendarDate,
  formatChangeOf,
  formatCount,
  formatShareOf,
  stepLabel,
  sumOf,
  WITHHELD_DERIVED,
  withheldLabel,
} from './format';

export type LoadedReport = NonNullable<QuarterlyReportFiguresQuery['quarterlyReport']>;
export type Figures = NonNullable<LoadedReport['figures']>;

interface Row {
  header: ReactNode;
  cells: ReactNode[];
  strong?: boolean;
}

/** A table of figures: a caption, column headers, a header cell per row; scrolls in its own box. */
function FigureTable({
  caption,
  columns,
  rows,
  groups,
  textColumns = 0,
  columnGroups,
}: {
  caption: string;
  columns: string[];
  rows?: Row[];
  /** Rows in groups, each under a row-group header. */
  groups?: { header: string; rows: Row[] }[];
  /** How many columns after the row header hold text (left-aligned) rather than numbers. */
  textColumns?: number;
  /** Headers over groups of the number columns (the row header and text columns stay unlabelled). */
  columnGroups?: { label: string; span: number }[];
}) {
  const isNumber = (column: number) => column > textColumns;
  const renderRow = (row: Row, i: number) => (
    <tr key={i} className={row.strong ? 'report-table__total' : undefined}>
      <th scope="row">{row.header}</th>
      {row.cells.map((cell, j) => (
        <td key={j} className={isNumber(j + 1) ? 'num' : undefined}>
          {cell}
        </td>
      ))}
    </tr>
  );
  return (
    <TableBox caption={caption}>
      <thead>
        {columnGroups ? (
          <tr>
            <td colSpan={1 + textColumns} className="report-table__blank" />
            {columnGroups.map((g) => (
              <th key={g.label} scope="colgroup" colSpan={g.span} className="report-table__colgroup">
                {g.label}
              </th>
            ))}
          </tr>
        ) : null}
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col" className={isNumber(i) ? 'num' : undefined}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      {rows ? <tbody>{rows.map(renderRow)}</tbody> : null}
      {groups?.map((g) => (
        <tbody key={g.header}>
          <tr>
            <th scope="rowgroup" colSpan={columns.length} className="report-table__group">
              {g.header}
            </th>
          </tr>
          {g.rows.map(renderRow)}
        </tbody>
      ))}
    </TableBox>
  );
}

/**
 * A table in its own scrolling box (a wide table never widens the page): the caption is shown above
 * the box, where it wraps, and read with the table.
 */
function TableBox({ caption, children }: { caption: string; children: ReactNode }) {
  const id = useId();
  return (
    <div className="report-table-box">
      <p className="report-table__title" id={id} aria-hidden="true">
        {caption}
      </p>
      <div className="table-wrap report-table-wrap" tabIndex={0} role="region" aria-labelledby={id}>
        <table className="report-table">
          <caption className="visually-hidden">{caption}</caption>
          {children}
        </table>
      </div>
    </div>
  );
}

export function ReportFigures({
  report,
  showOrganisationNames,
}: {
  report: LoadedReport;
  showOrganisationNames: boolean;
}) {
  const f = report.figures;
  if (!f) return null;
  const k = f.disclosureMinCount ?? null;
  const n = (value: number | null | undefined) => formatCount(value ?? null, k);
  const thisLabel = `${report.year} K${report.quarter}`;
  const comparedColumns = (first: string) => [
    first,
    thisLabel,
    f.previousLabel,
    f.yearEarlierLabel,
    t('reports.col.changeVs', { label: f.previousLabel }),
    t('reports.col.changeVs', { label: f.yearEarlierLabel }),
  ];
  const comparedCells = (c: ReportComparedFragment) => [
    n(c.current),
    n(c.previousQuarter),
    n(c.yearEarlier),
    formatChangeOf(c.current ?? null, c.previousQuarter ?? null),
    formatChangeOf(c.current ?? null, c.yearEarlier ?? null),
  ];
  const countOn = (steps: readonly ReportStepFragment[], step: LadderStep): number | null => {
    const found = steps.find((s) => s.step === step);
    return found ? (found.count ?? null) : 0;
  };
  const mixCells = (steps: readonly ReportStepFragment[]) => {
    const counts = STEPS.map((s) => countOn(steps, s));
    return [...counts.map(n), formatSum(counts, k)];
  };
  const mixColumns = (first: string) => [first, ...STEPS.map(stepLabel), t('reports.col.total')];

  const s = f.summary;
  const summaryRows: Row[] = [
    { header: t('reports.summary.engagedActors'), cells: comparedCells(s.engagedActors) },
    { header: t('reports.summary.newActors'), cells: comparedCells(s.newActors) },
    { header: t('reports.summary.movedUp'), cells: comparedCells(s.movedUp) },
    { header: t('reports.summary.movedDown'), cells: comparedCells(s.movedDown) },
    { header: t('reports.summary.passiveToActive'), cells: comparedCells(s.passiveToActive) },
  ];

  const ladderRows: Row[] = [
    ...STEPS.map((step) => {
      const current = countOn(f.ladder.atEnd, step);
      const previous = countOn(f.ladder.atEndPreviousQuarter, step);
      const yearEarlier = countOn(f.ladder.atEndYearEarlier, step);
      return {
        header: stepLabel(step),
        cells: [
          n(current),
          n(previous),
          n(yearEarlier),
          formatChangeOf(current, previous),
          formatChangeOf(current, yearEarlier),
        ],
      };
    }),
    { header: t('reports.ladder.total'), cells: comparedCells(s.engagedActors), strong: true },
  ];

  return (
    <div className="report-figures">
      <p>
        {t('reports.figures.period', {
          period: `${formatCalendarDate(f.periodStart)} – ${formatCalendarDate(f.periodEnd)}`,
        })}
      </p>
      {k !== null ? (
        <div className="alert alert--info report-withheld-note">
          <p>{t('reports.figures.withheld', { label: withheldLabel(k), k })}</p>
          <p>{t('reports.figures.withheldDerived')}</p>
        </div>
      ) : null}

      <Changes report={report} k={k} />

      <h3>{t('reports.summary.heading')}</h3>
      <FigureTable
        caption={t('reports.summary.caption')}
        columns={comparedColumns(t('reports.summary.figure'))}
        rows={summaryRows}
      />
      <h4>{t('reports.summary.largest')}</h4>
      {s.largestChanges.length === 0 ? (
        <p>{t('reports.summary.noLargest')}</p>
      ) : (
        <ul>
          {s.largestChanges.map((c, i) => (
            <li key={i}>{c.textSv}</li>
          ))}
        </ul>
      )}

      <h3>{t('reports.ladder.heading')}</h3>
      <FigureTable
        caption={t('reports.ladder.caption')}
        columns={comparedColumns(t('reports.ladder.step'))}
        rows={ladderRows}
      />
      <FigureTable
        caption={t('reports.ladder.historyCaption')}
        columns={mixColumns(t('reports.ladder.quarter'))}
        rows={f.ladder.history.map((h) => ({ header: h.label, cells: mixCells(h.steps) }))}
      />

      <Movement figures={f} k={k} />

      <h3>{t('reports.places.heading')}</h3>
      {f.meetingPlaces.length === 0 ? (
        <p>{t('reports.places.none')}</p>
      ) : (
        <>
          <FigureTable
            caption={t('reports.places.caption')}
            columns={comparedColumns(t('reports.places.measure'))}
            groups={f.meetingPlaces.map((m) => ({
              header: m.nameSv,
              rows: [
                { header: t('reports.places.eventsHeld'), cells: comparedCells(m.eventsHeld) },
                { header: t('reports.places.attendance'), cells: comparedCells(m.attendance) },
                { header: t('reports.places.uniqueActors'), cells: comparedCells(m.uniqueActors) },
                { header: t('reports.places.newActors'), cells: comparedCells(m.newActors) },
              ],
            }))}
          />
          <p>{t('reports.places.synergy', { count: n(f.synergy.current) })}</p>
          <FigureTable
            caption={t('reports.places.mixCaption')}
            columns={mixColumns(t('reports.places.place'))}
            rows={f.meetingPlaces.map((m) => ({ header: m.nameSv, cells: mixCells(m.ladderMix) }))}
          />
        </>
      )}

      <h3>{t('reports.sectors.heading')}</h3>
      <FigureTable
        caption={t('reports.sectors.mixCaption')}
        columns={mixColumns(t('reports.sectors.sector'))}
        rows={f.sectors.map((x) => ({ header: x.labelSv, cells: mixCells(x.ladderMix) }))}
      />
      <FigureTable
        caption={t('reports.sectors.engagedCaption')}
        columns={comparedColumns(t('reports.sectors.sector'))}
        rows={f.sectors.map((x) => ({ header: x.labelSv, cells: comparedCells(x.engaged) }))}
      />
      {f.crossSectorInitiatives.length === 0 ? (
        <p>{t('reports.sectors.noInitiatives')}</p>
      ) : (
        <TableBox caption={t('reports.sectors.initiativesCaption')}>
          <thead>
            <tr>
              <th scope="col">{t('reports.sectors.initiative')}</th>
              <th scope="col">{t('reports.sectors.kind')}</th>
              <th scope="col">{t('reports.sectors.sectors')}</th>
              <th scope="col" className="num">
                {t('reports.sectors.members')}
              </th>
            </tr>
          </thead>
          <tbody>
            {f.crossSectorInitiatives.map((i, index) => (
              <tr key={index}>
                <th scope="row">{i.name}</th>
                <td>{i.kindSv}</td>
                <td>{i.sectors.map(sectorLabel).join(', ')}</td>
                <td className="num">{n(i.members)}</td>
              </tr>
            ))}
          </tbody>
        </TableBox>
      )}

      <h3>{t('reports.areas.heading')}</h3>
      <FigureTable
        caption={t('reports.areas.caption')}
        columns={areaColumns(t('reports.areas.municipality'), thisLabel, f)}
        textColumns={1}
        columnGroups={AREA_GROUPS()}
        rows={f.municipalities.map((m) => ({
          header: m.nameSv,
          cells: [
            f.subRegions.find((r) => r.code === m.subRegion)?.nameSv ?? m.subRegion,
            ...areaCells(m.engaged, m.participants, n),
          ],
        }))}
      />
      <FigureTable
        caption={t('reports.areas.otherCaption')}
        columns={areaColumns(t('reports.areas.area'), thisLabel, f)}
        textColumns={1}
        columnGroups={AREA_GROUPS()}
        rows={[
          ...f.subRegions.map((r) => ({
            header: r.nameSv,
            cells: [t('reports.areas.subRegion'), ...areaCells(r.engaged, r.participants, n)],
          })),
          {
            header: t('reports.areas.outside'),
            cells: ['', ...areaCells(f.outsideCounty.engaged, f.outsideCounty.participants, n)],
          },
          {
            header: t('reports.areas.unknown'),
            cells: ['', ...areaCells(f.unknownLocation.engaged, f.unknownLocation.participants, n)],
          },
        ]}
      />

      <h3>{t('reports.gender.heading')}</h3>
      <p>{t('reports.gender.intro')}</p>
      <FigureTable
        caption={t('reports.gender.quarterCaption')}
        columns={genderColumns(t('reports.gender.selection'))}
        rows={genderRows(f.gender, k)}
      />
      {f.gender.perMeetingPlace.length > 0 ? (
        <FigureTable
          caption={t('reports.gender.placesCaption')}
          columns={genderColumns(t('reports.gender.selection'))}
          groups={f.gender.perMeetingPlace.map((m) => ({ header: m.nameSv, rows: genderRows(m, k) }))}
        />
      ) : null}
      <FigureTable
        caption={t('reports.gender.historyCaption')}
        columns={genderColumns(t('reports.gender.selection'))}
        groups={f.gender.lastFourQuarters.map((q) => ({ header: q.label, rows: genderRows(q, k) }))}
      />

      <h3>{t('reports.influence.heading')}</h3>
      <p>{t('reports.influence.organisations', { count: f.reachedInfluence.length })}</p>
      {showOrganisationNames && f.reachedInfluence.some((r) => r.descriptionSv) ? (
        <TableBox caption={t('reports.influence.organisationsCaption')}>
          <thead>
            <tr>
              <th scope="col">{t('reports.influence.organisation')}</th>
              <th scope="col">{t('reports.influence.date')}</th>
              <th scope="col">{t('reports.influence.why')}</th>
            </tr>
          </thead>
          <tbody>
            {f.reachedInfluence.map((r, i) => (
              <tr key={i}>
                <th scope="row">{r.descriptionSv}</th>
                <td>{r.reachedOn ? formatCalendarDate(r.reachedOn) : ''}</td>
                <td>{r.reasonSv}</td>
              </tr>
            ))}
          </tbody>
        </TableBox>
      ) : null}
      <p>{t('reports.influence.persons', { count: n(f.reachedInfluencePersons.total) })}</p>
    </div>
  );
}

function formatSum(counts: readonly (number | null)[], k: number | null): string {
  const total = sumOf(counts);
  return total === null ? WITHHELD_DERIVED : formatCount(total, k);
}

function areaColumns(first: string, thisLabel: string, f: Figures): string[] {
  const labels = [thisLabel, f.previousLabel, f.yearEarlierLabel];
  return [first, t('reports.areas.subRegion'), ...labels, ...labels];
}

const AREA_GROUPS = () => [
  { label: t('reports.areas.engaged'), span: 3 },
  { label: t('reports.areas.participants'), span: 3 },
];

function areaCells(
  engaged: ReportComparedFragment,
  participants: ReportComparedFragment,
  n: (value: number | null | undefined) => string,
): string[] {
  return [
    n(engaged.current),
    n(engaged.previousQuarter),
    n(engaged.yearEarlier),
    n(participants.current),
    n(participants.previousQuarter),
    n(participants.yearEarlier),
  ];
}

function genderColumns(first: string): string[] {
  return [first, ...GENDERS.map(genderLabel), t('reports.col.total')];
}

/** "12 (48 %)" per gender, then the total; withheld counts as "<k", shares that need one as "..". */
/** A selection's two rows: all participants, and those on stage. */
function genderRows(
  selection: { participants: readonly ReportGenderFragment[]; onStage: readonly ReportGenderFragment[] },
  k: number | null,
): Row[] {
  return [
    { header: t('reports.gender.all'), cells: genderCells(selection.participants, k) },
    { header: t('reports.gender.onStage'), cells: genderCells(selection.onStage, k) },
  ];
}

function genderCells(counts: readonly ReportGenderFragment[], k: number | null): string[] {
  const of = (g: Gender) => {
    const found = counts.find((c) => c.gender === g);
    return found ? (found.count ?? null) : 0;
  };
  const values = GENDERS.map(of);
  const total = sumOf(values);
  return [
    ...values.map((v) =>
      v === null ? formatCount(null, k) : `${formatCount(v, k)} (${formatShareOf(v, total)})`,
    ),
    total === null ? WITHHELD_DERIVED : formatCount(total, k),
  ];
}

/** Movement between the quarter's first and last day: the matrix and its summary. */
function Movement({ figures: f, k }: { figures: Figures; k: number | null }) {
  const levels: (LadderStep | null)[] = [null, ...STEPS];
  const label = (step: LadderStep | null) =>
    step === null ? t('reports.movement.notEngaged') : stepLabel(step);
  const level = (step: LadderStep | null) => (step === null ? 0 : STEPS.indexOf(step) + 1);
  const cell = (from: LadderStep | null, to: LadderStep | null): number | null => {
    const found = f.ladder.movement.find((m) => (m.from ?? null) === from && (m.to ?? null) === to);
    return found ? (found.count ?? null) : 0;
  };
  const sumWhere = (test: (from: number, to: number) => boolean) => {
    const counts: (number | null)[] = [];
    for (const from of levels)
      for (const to of levels) if (test(level(from), level(to))) counts.push(cell(from, to));
    return formatSum(counts, k);
  };
  return (
    <>
      <h3>{t('reports.movement.heading')}</h3>
      <FigureTable
        caption={t('reports.movement.caption')}
        columns={[t('reports.movement.corner'), ...levels.map(label)]}
        rows={levels.map((from) => ({
          header: label(from),
          cells: levels.map((to) => (from === null && to === null ? '–' : formatCount(cell(from, to), k))),
        }))}
      />
      <FigureTable
        caption={t('reports.movement.summaryCaption')}
        columns={[t('reports.movement.kind'), t('reports.movement.count')]}
        rows={[
          { header: t('reports.movement.up'), cells: [sumWhere((a, b) => a > 0 && b > a)] },
          { header: t('reports.movement.same'), cells: [sumWhere((a, b) => a > 0 && a === b)] },
          { header: t('reports.movement.down'), cells: [sumWhere((a, b) => b > 0 && b < a)] },
          { header: t('reports.movement.entered'), cells: [sumWhere((a, b) => a === 0 && b > 0)] },
          { header: t('reports.movement.left'), cells: [sumWhere((a, b) => a > 0 && b === 0)] },
        ]}
      />
    </>
  );
}

/** What changed since the previous version: figure, before, after; "Första versionen" for the first. */
function Changes({ report, k }: { report: LoadedReport; k: number | null }) {
  const changes = report.changes;
  return (
    <section aria-labelledby="report-changes-heading" className="report-changes">
      <h3 id="report-changes-heading">{t('reports.changes.heading')}</h3>
      {changes === null || changes === undefined ? (
        <p>{t('reports.changes.first')}</p>
      ) : changes.length === 0 ? (
        <p>{t('reports.changes.none')}</p>
      ) : (
        <FigureTable
          caption={t('reports.changes.caption')}
          columns={[t('reports.changes.figure'), t('reports.changes.before'), t('reports.changes.after')]}
          rows={changes.map((c) => ({
            header: c.whatSv,
            cells: [formatCount(c.before ?? null, k), formatCount(c.after ?? null, k)],
          }))}
        />
      )}
    </section>
  );
}
