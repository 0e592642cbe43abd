import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorCode } from '../app/apollo';
import { ALL_ROLES, REPORT_ORDER_ROLES, RequireRole } from '../auth/RequireSession';
import type { SessionUser } from '../auth/auth-api';
import { useUser } from '../auth/session';
import type { QuarterlyReportsQuery as ReportsData } from '../gql/graphql';
import { formatDateTime, t } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { ErrorMessage, LoadingMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import { Select } from '../ui/Select';
import { hasEnded, isUnfinished, lastEndedQuarter, type Quarter, statusLabel, stockholmYear } from './format';
import {
  GenerateQuarterlyReportMutation,
  QuarterlyReportFiguresQuery,
  QuarterlyReportsQuery,
  ReportYearsQuery,
} from './operations';
import { ReportFigures } from './ReportFigures';
import './reports.css';

type Version = ReportsData['quarterlyReports'][number];

export const POLL_INTERVAL_MS = 2000;

/** `/reports`: the committee's home; every role reads, ADMIN and STRATEGIST order new versions. */
export function ReportsPage() {
  return (
    <RequireRole roles={ALL_ROLES}>
      <SignedInReports />
    </RequireRole>
  );
}

function SignedInReports() {
  const user = useUser();
  return <ReportsView role={user.role} />;
}

export interface ReportsViewProps {
  role: SessionUser['role'];
  /** Today (tests fix it). */
  now?: Date;
  pollInterval?: number;
}

/** Which version's figures are shown: from the address (?year=&quarter=&version=). */
function useSelection() {
  const [params, setParams] = useSearchParams();
  const num = (name: string) => {
    const value = Number(params.get(name));
    return Number.isInteger(value) && value > 0 ? value : null;
  };
  return {
    year: num('year'),
    quarter: num('quarter'),
    version: num('version'),
    set: (next: { year: number; quarter?: number; version?: number }) => {
      const p = new URLSearchParams();
      p.set('year', String(next.year));
      if (next.quarter && next.version) {
        p.set('quarter', String(next.quarter));
        p.set('version', String(next.version));
      }
      setParams(p, { replace: true });
    },
  };
}

export function ReportsView({ role, now: fixedNow, pollInterval = POLL_INTERVAL_MS }: ReportsViewProps) {
  const now = useMemo(() => fixedNow ?? new Date(), [fixedNow]);
  const canOrder = REPORT_ORDER_ROLES.includes(role);
  const thisYear = stockholmYear(now);
  const lastEnded = lastEndedQuarter(now);
  const selection = useSelection();
  const year = selection.year ?? lastEnded.year;

  const years = useQuery(ReportYearsQuery, {
    variables: { y1: thisYear - 1, y2: thisYear - 2, y3: thisYear - 3, y4: thisYear - 4, y5: thisYear - 5 },
    fetchPolicy: 'cache-first',
  });
  const yearOptions = useMemo(() => {
    const found = new Set<number>([thisYear, year, lastEnded.year]);
    const d = years.data;
    if (d) {
      [d.y1, d.y2, d.y3, d.y4, d.y5].forEach((list, i) => {
        if (list.length > 0) found.add(thisYear - 1 - i);
      });
    }
    return [...found].sort((a, b) => b - a).map((y) => ({ id: String(y), label: String(y) }));
  }, [years.data, thisYear, year, lastEnded.year]);

  const list = useQuery(QuarterlyReportsQuery, { variables: { year }, notifyOnNetworkStatusChange: false });
  const versions = useMemo(() => list.data?.quarterlyReports ?? [], [list.data]);
  const unfinished = versions.some((v) => isUnfinished(v.status));
  const { startPolling, stopPolling } = list;
  useEffect(() => {
    if (unfinished) startPolling(pollInterval);
    else stopPolling();
    return () => stopPolling();
  }, [unfinished, pollInterval, startPolling, stopPolling]);

  // Announce a version that was being made and now is ready (or failed).
  const [announcement, setAnnouncement] = useState('');
  const seen = useRef(new Map<string, Version['status']>());
  useEffect(() => {
    for (const v of versions) {
      const before = seen.current.get(v.id);
      if (before && isUnfinished(before) && !isUnfinished(v.status)) {
        setAnnouncement(
          t(v.status === 'READY' ? 'reports.ready' : 'reports.failed', { version: String(v.version) }),
        );
      }
      seen.current.set(v.id, v.status);
    }
  }, [versions]);

  const [order, orderState] = useMutation(GenerateQuarterlyReportMutation);
  // After "Visa siffrorna", focus moves to the figures' heading (and the page scrolls there).
  const [focusFigures, setFocusFigures] = useState(false);
  const [orderError, setOrderError] = useState<string | null>(null);
  const placeOrder = async (q: Quarter) => {
    setOrderError(null);
    try {
      const result = await order({
        variables: { year: q.year, quarter: q.quarter },
        // The new version joins the list at once (PENDING), and polling follows it from there.
        update: (cache, { data }) => {
          const made = data?.generateQuarterlyReport;
          if (!made) return;
          cache.updateQuery({ query: QuarterlyReportsQuery, variables: { year: made.year } }, (old) =>
            old && !old.quarterlyReports.some((v) => v.id === made.id)
              ? { quarterlyReports: [...old.quarterlyReports, made] }
              : old,
          );
        },
      });
      const made = result.data?.generateQuarterlyReport;
      if (made) {
        seen.current.set(made.id, made.status);
        setAnnouncement(
          t('reports.ordered', {
            version: String(made.version),
            year: String(made.year),
            quarter: String(made.quarter),
          }),
        );
        selection.set({ year: made.year, quarter: made.quarter, version: made.version });
      }
    } catch (e) {
      setOrderError(errorCode(e) === 'RATE_LIMITED' ? t('reports.rateLimited') : t('reports.orderFailed'));
    }
  };

  // The version whose figures are shown: the chosen one, else the newest READY one of the year.
  const chosen =
    selection.year === year && selection.quarter && selection.version
      ? (versions.find((v) => v.quarter === selection.quarter && v.version === selection.version) ?? null)
      : null;
  const shown =
    chosen ??
    [...versions]
      .filter((v) => v.status === 'READY')
      .sort((a, b) => b.quarter - a.quarter || b.version - a.version)[0] ??
    null;

  const quarters = [4, 3, 2, 1]
    .map((quarter) => ({
      quarter,
      ended: hasEnded({ year, quarter }, now),
      versions: versions.filter((v) => v.quarter === quarter).sort((a, b) => b.version - a.version),
    }))
    .filter((q) => q.versions.length > 0 || (canOrder && q.ended));

  return (
    <div className="reports-page">
      <PageTitle>{t('reports.title')}</PageTitle>
      <p>{t('reports.intro')}</p>
      <div className="reports-year">
        <Select
          label={t('reports.year')}
          options={yearOptions}
          value={String(year)}
          onChange={(value) => {
            if (value && Number(value) !== year) selection.set({ year: Number(value) });
          }}
        />
      </div>
      <p role="status" aria-live="polite" className="reports-announcement">
        {announcement}
      </p>
      {orderError ? <ErrorMessage>{orderError}</ErrorMessage> : null}

      {list.loading && !list.data ? (
        <LoadingMessage>{t('app.loading')}</LoadingMessage>
      ) : list.error && !list.data ? (
        <ErrorMessage>{t('app.error.generic')}</ErrorMessage>
      ) : (
        <div className="report-quarters">
          {versions.length === 0 ? (
            <EmptyYear year={year} canOrder={canOrder && quarters.length > 0} />
          ) : null}
          {quarters.map((q) => (
            <QuarterVersions
              key={q.quarter}
              year={year}
              quarter={q.quarter}
              ended={q.ended}
              versions={q.versions}
              canOrder={canOrder}
              ordering={orderState.loading}
              onOrder={() => void placeOrder({ year, quarter: q.quarter })}
              shownId={shown?.id ?? null}
              onShow={(v) => {
                setFocusFigures(true);
                selection.set({ year, quarter: v.quarter, version: v.version });
              }}
            />
          ))}
        </div>
      )}

      {shown ? (
        <FiguresSection
          version={shown}
          role={role}
          focusHeading={focusFigures}
          onFocused={() => setFocusFigures(false)}
        />
      ) : null}
    </div>
  );
}

function EmptyYear({ year, canOrder }: { year: number; canOrder: boolean }) {
  return (
    <div className="report-empty">
      <p>{t('reports.empty', { year: String(year) })}</p>
      {canOrder ? <p>{t('reports.emptyOrder')}</p> : null}
    </div>
  );
}

function QuarterVersions({
  year,
  quarter,
  ended,
  versions,
  canOrder,
  ordering,
  onOrder,
  shownId,
  onShow,
}: {
  year: number;
  quarter: number;
  ended: boolean;
  versions: Version[];
  canOrder: boolean;
  ordering: boolean;
  onOrder: () => void;
  shownId: string | null;
  onShow: (v: Version) => void;
}) {
  const headingId = `report-q-${year}-${quarter}`;
  const [newest, ...older] = versions;
  const item = (v: Version) => (
    <VersionItem key={v.id} version={v} shown={v.id === shownId} onShow={onShow} />
  );
  return (
    <section className="report-quarter" aria-labelledby={headingId}>
      <div className="report-quarter__head">
        <h2 id={headingId}>
          {t('reports.quarterHeading', { year: String(year), quarter: String(quarter) })}
        </h2>
        {canOrder && ended ? (
          <Button variant="secondary" onPress={onOrder} isDisabled={ordering} aria-describedby={headingId}>
            {t('reports.order')}
          </Button>
        ) : null}
      </div>
      {newest ? (
        <ul className="report-versions">{item(newest)}</ul>
      ) : (
        <p>{ended ? t('reports.quarterNone') : t('reports.quarterNotEnded')}</p>
      )}
      {older.length > 0 ? (
        <details className="report-older">
          <summary>{t('reports.olderVersions', { count: older.length })}</summary>
          <ul className="report-versions">{older.map(item)}</ul>
        </details>
      ) : null}
    </section>
  );
}

function VersionItem({
  version: v,
  shown,
  onShow,
}: {
  version: Version;
  shown: boolean;
  onShow: (v: Version) => void;
}) {
  const contextId = `report-v-${v.id}`;
  const context = t('reports.versionOf', {
    year: String(v.year),
    quarter: String(v.quarter),
    version: String(v.version),
  });
  return (
    <li className="report-version">
      <h3 className="report-version__title">{t('reports.version', { version: String(v.version) })}</h3>
      <span id={contextId} className="visually-hidden">
        {context}
      </span>
      <p className="report-version__meta">
        <span className={`report-status report-status--${v.status.toLowerCase()}`}>
          {t('reports.statusLabel')} {statusLabel(v.status)}
        </span>
        {v.generatedAt ? (
          <span> · {t('reports.generatedAt', { when: formatDateTime(v.generatedAt) })}</span>
        ) : null}
      </p>
      {v.status === 'FAILED' && v.error ? (
        <p className="report-version__error">{t('reports.failedReason', { error: v.error })}</p>
      ) : null}
      {v.status === 'READY' ? (
        <div className="report-version__actions">
          {v.pdfUrl ? (
            <a className="button button--secondary" href={v.pdfUrl} download aria-describedby={contextId}>
              {t('reports.downloadPdf')}
            </a>
          ) : null}
          {v.xlsxUrl ? (
            <a className="button button--secondary" href={v.xlsxUrl} download aria-describedby={contextId}>
              {t('reports.downloadXlsx')}
            </a>
          ) : null}
          {shown ? (
            <a className="report-version__shown" href="#report-figures-heading">
              {t('reports.showingFigures')}
            </a>
          ) : (
            <Button variant="quiet" onPress={() => onShow(v)} aria-describedby={contextId}>
              {t('reports.showFigures')}
            </Button>
          )}
        </div>
      ) : null}
    </li>
  );
}

function FiguresSection({
  version,
  role,
  focusHeading,
  onFocused,
}: {
  version: Version;
  role: SessionUser['role'];
  focusHeading: boolean;
  onFocused: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focusHeading) return;
    heading.current?.focus();
    onFocused();
  }, [focusHeading, version.id, onFocused]);
  const ready = version.status === 'READY';
  const { data, loading, error } = useQuery(QuarterlyReportFiguresQuery, {
    variables: {
      year: version.year,
      quarter: version.quarter,
      version: version.version,
      withNames: role !== 'COMMITTEE',
    },
    skip: !ready,
    fetchPolicy: 'cache-first',
  });
  const report = data?.quarterlyReport;
  return (
    <section className="report-figures-section" aria-labelledby="report-figures-heading">
      <h2 id="report-figures-heading" ref={heading} tabIndex={-1}>
        {t('reports.figures.heading', {
          year: String(version.year),
          quarter: String(version.quarter),
          version: String(version.version),
        })}
      </h2>
      {version.status === 'FAILED' ? (
        <p>{t('reports.failed', { version: String(version.version) })}</p>
      ) : !ready ? (
        <p>{t('reports.figures.waiting', { version: String(version.version) })}</p>
      ) : loading && !data ? (
        <LoadingMessage>{t('app.loading')}</LoadingMessage>
      ) : error && !data ? (
        <ErrorMessage>{t('app.error.generic')}</ErrorMessage>
      ) : report?.figures ? (
        <ReportFigures report={report} showOrganisationNames={role !== 'COMMITTEE'} />
      ) : (
        <p>{t('reports.figures.none')}</p>
      )}
    </section>
  );
}

export const Component = ReportsPage;
