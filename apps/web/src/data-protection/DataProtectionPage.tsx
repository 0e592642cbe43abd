// `/admin/dataskydd` (ADMIN): retention rules and runs, persons whose processing is restricted, and the
// weekly follow-up of the access log.
import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Checkbox, Form } from 'react-aria-components';
import { errorCode } from '../app/apollo';
import { ADMIN_ROLES, RequireRole } from '../auth/RequireSession';
import type { RetentionRuleCode, RetentionRuleFieldsFragment, RetentionUnit } from '../gql/graphql';
import { formatDate, formatDateTime, formatNumber, t } from '../i18n/i18n';
import { placeErrors } from '../initiatives/reasons';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Dialog } from '../ui/Dialog';
import { Link } from '../ui/Link';
import { ErrorMessage, LoadingMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import { Select } from '../ui/Select';
import { TextField } from '../ui/TextField';
import { keepLabel, ruleLabel, runStatusLabel, triggerLabel, unitLabel } from './labels';
import { LiveStatus, useAnnouncement } from './LiveStatus';
import {
  AccessLogSummariesQuery,
  RestrictedPersonsQuery,
  RetentionPreviewQuery,
  RetentionRulesQuery,
  RetentionRunsQuery,
  RunRetentionMutation,
  UpdateRetentionRuleMutation,
} from './operations';
import { refusals } from './refusals';
import '../ui/checkbox.css';
import './data-protection.css';

/** While a run is under way, the runs are asked for again this often. */
export const RUN_POLL_MS = 2000;
export const RUNS_SHOWN = 20;
export const RESTRICTED_PAGE = 50;
export const SUMMARY_WEEKS = 8;
const UNITS: readonly RetentionUnit[] = ['DAYS', 'MONTHS'];
/**
 * When the weekly follow-up flags a user (the API's rule, told in the page's text): more persons read
 * than `absolute`, or more than `relative` and `factor` times the user's median of earlier weeks.
 */
export const FLAG_THRESHOLDS = { absolute: 2000, relative: 200, factor: 3 } as const;
/** The rules whose run anonymises or deletes what staff can see: turning one on is asked about first. */
const CULLING: readonly RetentionRuleCode[] = ['INACTIVE_PERSONS', 'REJECTED_IMPORT_ROWS', 'ACCESS_LOG'];

export function DataProtectionPage() {
  return (
    <RequireRole roles={ADMIN_ROLES}>
      <DataProtectionView />
    </RequireRole>
  );
}

export function DataProtectionView() {
  return (
    <div className="data-protection-page">
      <PageTitle>{t('dataProtection.page.title')}</PageTitle>
      <p>{t('dataProtection.page.intro')}</p>
      <RetentionSection />
      <RestrictedSection />
      <SummariesSection />
    </div>
  );
}

/** The rules with what the next run would touch, "Kör gallring nu", and the runs. */
function RetentionSection() {
  const rules = useQuery(RetentionRulesQuery);
  const previewQuery = useQuery(RetentionPreviewQuery);
  const runs = useQuery(RetentionRunsQuery, { variables: { first: RUNS_SHOWN } });
  const [editing, setEditing] = useState<RetentionRuleFieldsFragment | null>(null);
  const [asking, setAsking] = useState(false);
  const [news, setNews] = useAnnouncement();
  const [failure, setFailure] = useState<string | null>(null);
  const [run, runState] = useMutation(RunRetentionMutation);

  const preview = new Map((previewQuery.data?.retentionPreview ?? []).map((p) => [p.rule.code, p.count]));
  const total = previewQuery.data
    ? (rules.data?.retentionRules ?? [])
        .filter((r) => r.enabled)
        .reduce((sum, r) => sum + (preview.get(r.code) ?? 0), 0)
    : null;
  const previewFailure =
    previewQuery.error && !previewQuery.loading
      ? errorCode(previewQuery.error) === 'PREVIEW_TIMEOUT'
        ? t('dataProtection.preview.timeout')
        : t('dataProtection.preview.failed')
      : null;
  const list = runs.data?.retentionRuns ?? [];
  const running = list.some((r) => r.status === 'RUNNING');

  // Ask for the runs while one is under way; when it ends, the preview has changed too.
  const { startPolling, stopPolling } = runs;
  const refetchPreview = previewQuery.refetch;
  const [wasRunning, setWasRunning] = useState(false);
  useEffect(() => {
    if (running) startPolling(RUN_POLL_MS);
    else stopPolling();
    return () => stopPolling();
  }, [running, startPolling, stopPolling]);
  useEffect(() => {
    if (wasRunning && !running) void refetchPreview().catch(() => undefined);
    setWasRunning(running);
  }, [running, wasRunning, refetchPreview]);

  // The latest run's status is announced when it changes (Pågår → Klar), not on every load.
  const latest = list[0] ? `${list[0].id}:${list[0].status}` : null;
  const seen = useRef<string | null>(null);
  const [runNews, setRunNews] = useState('');
  useEffect(() => {
    if (latest === null) return;
    const before = seen.current;
    seen.current = latest;
    if (before !== null && before !== latest && list[0]) {
      setRunNews(t('dataProtection.runs.announce', { status: runStatusLabel(list[0].status) }));
    }
  }, [latest, list]);

  const doRun = async () => {
    try {
      await run();
      setFailure(null);
      setNews(t('dataProtection.run.started'));
      void runs.refetch().catch(() => undefined);
    } catch (e) {
      setNews(null);
      setFailure(errorCode(e) === null ? t('app.error.network') : t('dataProtection.failed'));
    }
    setAsking(false);
  };

  return (
    <>
      <section aria-labelledby="retention-rules-heading">
        <h2 id="retention-rules-heading">{t('dataProtection.rules.heading')}</h2>
        <p>{t('dataProtection.rules.explain')}</p>
        <LiveStatus message={news} />
        {failure ? <ErrorMessage>{failure}</ErrorMessage> : null}
        {rules.loading && !rules.data ? <LoadingMessage>{t('app.loading')}</LoadingMessage> : null}
        {rules.error && !rules.data ? <ErrorMessage>{t('app.error.generic')}</ErrorMessage> : null}
        {rules.data ? (
          <>
            <div className="table-wrap" role="region" tabIndex={0} aria-labelledby="retention-rules-heading">
              {/* Explicit roles: on a phone the table is laid out as blocks (cards), and Safari then
                  drops its table semantics unless they are given. */}
              <table
                className="data-protection-table data-protection-table--rules"
                role="table"
                aria-labelledby="retention-rules-caption"
              >
                <caption id="retention-rules-caption" className="visually-hidden">
                  {t('dataProtection.rules.caption')}
                </caption>
                <thead role="rowgroup">
                  <tr role="row">
                    <th scope="col" role="columnheader">
                      {t('dataProtection.rules.rule')}
                    </th>
                    <th scope="col" role="columnheader">
                      {t('dataProtection.rules.description')}
                    </th>
                    <th scope="col" role="columnheader">
                      {t('dataProtection.rules.keep')}
                    </th>
                    <th scope="col" role="columnheader">
                      {t('dataProtection.rules.decision')}
                    </th>
                    <th scope="col" role="columnheader">
                      {t('dataProtection.rules.status')}
                    </th>
                    <th scope="col" role="columnheader">
                      {t('dataProtection.rules.preview')}
                    </th>
                    <th scope="col" role="columnheader">
                      <span className="visually-hidden">{t('dataProtection.rules.edit')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody role="rowgroup">
                  {rules.data.retentionRules.map((rule) => (
                    <tr key={rule.code} role="row">
                      <th scope="row" role="rowheader">
                        {ruleLabel(rule.code)}
                      </th>
                      {/* In a cell of its own, so the row header (read with every cell) is the name only. */}
                      <td role="cell" className="data-protection-table__description">
                        {rule.description}
                      </td>
                      <td
                        role="cell"
                        data-label={t('dataProtection.rules.keep')}
                        className="data-protection-table__nowrap"
                      >
                        {keepLabel(rule.keepAmount, rule.keepUnit)}
                      </td>
                      <td role="cell" data-label={t('dataProtection.rules.decision')}>
                        {rule.decisionReference ??
                          (rule.requiresDecision
                            ? t('dataProtection.rules.noDecision')
                            : t('dataProtection.rules.decisionNotNeeded'))}
                      </td>
                      <td
                        role="cell"
                        data-label={t('dataProtection.rules.status')}
                        className={`data-protection-table__nowrap${rule.enabled ? '' : ' retention-status--inactive'}`}
                      >
                        {rule.enabled ? t('dataProtection.rules.active') : t('dataProtection.rules.inactive')}
                      </td>
                      <td
                        role="cell"
                        data-label={t('dataProtection.rules.preview')}
                        className="data-protection-table__number"
                      >
                        {!preview.has(rule.code)
                          ? t('dataProtection.rules.previewUnknown')
                          : rule.enabled
                            ? formatNumber(preview.get(rule.code) ?? 0)
                            : t('dataProtection.rules.previewIfEnabled', {
                                count: preview.get(rule.code) ?? 0,
                              })}
                      </td>
                      <td role="cell">
                        <Button
                          variant="secondary"
                          aria-label={t('dataProtection.rules.editFor', { rule: ruleLabel(rule.code) })}
                          onPress={() => setEditing(rule)}
                        >
                          {t('dataProtection.rules.edit')}
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {previewFailure ? <p className="alert alert--warning">{previewFailure}</p> : null}
            <div className="actions">
              <Button onPress={() => setAsking(true)} isDisabled={running}>
                {t('dataProtection.run.button')}
              </Button>
            </div>
          </>
        ) : null}
      </section>

      <section aria-labelledby="retention-runs-heading">
        <h2 id="retention-runs-heading">{t('dataProtection.runs.heading')}</h2>
        {list.length > 0 ? <p className="hint">{t('dataProtection.runs.countsHint')}</p> : null}
        {runs.loading && !runs.data ? <LoadingMessage>{t('app.loading')}</LoadingMessage> : null}
        {runs.error && !runs.data ? <ErrorMessage>{t('app.error.generic')}</ErrorMessage> : null}
        {runs.data && list.length === 0 ? <p>{t('dataProtection.runs.none')}</p> : null}
        {list.length > 0 ? (
          <div className="table-wrap" role="region" tabIndex={0} aria-labelledby="retention-runs-heading">
            <table className="data-protection-table">
              <caption className="visually-hidden">{t('dataProtection.runs.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dataProtection.runs.started')}</th>
                  <th scope="col">{t('dataProtection.runs.trigger')}</th>
                  <th scope="col">{t('dataProtection.runs.status')}</th>
                  <th scope="col">{t('dataProtection.runs.counts')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((r) => {
                  // Only the rules that touched anything: a night with nothing to cull says so in one word.
                  const touched = r.counts.filter((c) => c.count > 0);
                  return (
                    <tr key={r.id}>
                      <td className="data-protection-table__nowrap">{formatDateTime(r.startedAt)}</td>
                      <td className="data-protection-table__nowrap">{triggerLabel(r.trigger)}</td>
                      <td
                        className={`data-protection-table__nowrap${r.status === 'FAILED' ? ' run-status--failed' : ''}`}
                      >
                        {runStatusLabel(r.status)}
                        {r.status === 'FAILED' && r.error ? (
                          <span className="data-protection-table__detail">
                            {t('dataProtection.runs.failedBecause', { error: r.error })}
                          </span>
                        ) : null}
                      </td>
                      <td className="data-protection-table__counts-cell">
                        {touched.length === 0 ? (
                          t('dataProtection.runs.noCounts')
                        ) : (
                          <ul className="data-protection-table__counts">
                            {touched.map((c) => (
                              <li key={c.code}>
                                {c.decisionReference
                                  ? t('dataProtection.runs.countDecision', {
                                      rule: ruleLabel(c.code),
                                      count: c.count,
                                      decision: c.decisionReference,
                                    })
                                  : t('dataProtection.runs.count', {
                                      rule: ruleLabel(c.code),
                                      count: c.count,
                                    })}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
        {/* Announces a change of the latest run's status (Pågår → Klar) without moving focus. */}
        <p role="status" className="visually-hidden">
          {runNews}
        </p>
      </section>

      {editing ? (
        <RuleDialog
          rule={editing}
          preview={preview.get(editing.code)}
          onClose={() => setEditing(null)}
          onSaved={(code) => {
            setEditing(null);
            setFailure(null);
            setNews(t('dataProtection.ruleDialog.saved', { rule: ruleLabel(code) }));
            void rules.refetch().catch(() => undefined);
            void previewQuery.refetch().catch(() => undefined);
          }}
        />
      ) : null}
      <ConfirmDialog
        title={t('dataProtection.run.title')}
        isOpen={asking}
        onOpenChange={(open) => !open && setAsking(false)}
        confirmLabel={t('dataProtection.run.confirm')}
        cancelLabel={t('app.cancel')}
        onConfirm={() => void doRun()}
        isPending={runState.loading}
        danger
      >
        <p>
          {total === null
            ? t('dataProtection.run.textUnknown')
            : total === 1
              ? t('dataProtection.run.text.one')
              : t('dataProtection.run.text', { count: total })}
        </p>
      </ConfirmDialog>
    </>
  );
}

type RuleErrors = Partial<
  Record<'keepAmount' | 'keepUnit' | 'decisionReference' | 'enabled' | 'form', string>
>;

/** "Ändra": how long the rule keeps, its decision's reference, and whether it is active. */
/** What turning the rule on would do at the next run, for the rules that anonymise or delete. */
function cullingWarning(code: RetentionRuleCode, count: number | undefined): string {
  if (count === undefined) return t('dataProtection.ruleDialog.warning.unknown');
  switch (code) {
    case 'INACTIVE_PERSONS':
      return count === 1
        ? t('dataProtection.ruleDialog.warning.INACTIVE_PERSONS.one')
        : t('dataProtection.ruleDialog.warning.INACTIVE_PERSONS', { count });
    case 'REJECTED_IMPORT_ROWS':
      return count === 1
        ? t('dataProtection.ruleDialog.warning.REJECTED_IMPORT_ROWS.one')
        : t('dataProtection.ruleDialog.warning.REJECTED_IMPORT_ROWS', { count });
    default:
      return count === 1
        ? t('dataProtection.ruleDialog.warning.ACCESS_LOG.one')
        : t('dataProtection.ruleDialog.warning.ACCESS_LOG', { count });
  }
}

function RuleDialog({
  rule,
  preview,
  onClose,
  onSaved,
}: {
  rule: RetentionRuleFieldsFragment;
  /** What the rule would touch at the next run, if the preview is known. */
  preview: number | undefined;
  onClose: () => void;
  onSaved: (code: RetentionRuleFieldsFragment['code']) => void;
}) {
  const [amount, setAmount] = useState(String(rule.keepAmount));
  const [unit, setUnit] = useState<RetentionUnit>(rule.keepUnit);
  const [decision, setDecision] = useState(rule.decisionReference ?? '');
  const [enabled, setEnabled] = useState(rule.enabled);
  const [errors, setErrors] = useState<RuleErrors>({});
  const [confirming, setConfirming] = useState(false);
  const [update, state] = useMutation(UpdateRetentionRuleMutation);
  const name = ruleLabel(rule.code);
  // Turning on a rule that anonymises or deletes: its reach is shown, and saving asks first.
  const turningOn = enabled && !rule.enabled && CULLING.includes(rule.code);
  const warning = turningOn ? cullingWarning(rule.code, preview) : null;
  const focusQuestion = useCallback((element: HTMLElement | null) => element?.focus(), []);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    const keepAmount = Number(amount.trim());
    if (!/^\d+$/.test(amount.trim()) || keepAmount < 1) {
      setErrors({ keepAmount: t('dataProtection.ruleDialog.amountInvalid') });
      return;
    }
    if (enabled && rule.requiresDecision && !decision.trim()) {
      setErrors({ decisionReference: t('dataProtection.ruleDialog.decisionRequired') });
      return;
    }
    setErrors({});
    if (turningOn && !confirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    try {
      const decisionReference = decision.trim() || null;
      await update({
        variables: { input: { code: rule.code, keepAmount, keepUnit: unit, decisionReference, enabled } },
      });
      onSaved(rule.code);
    } catch (error) {
      if (errorCode(error) === 'BAD_USER_INPUT') {
        setErrors(
          placeErrors(
            refusals(error),
            ['keepAmount', 'keepUnit', 'decisionReference'] as const,
            t('dataProtection.errorSummary'),
          ),
        );
      } else {
        setErrors({ form: errorCode(error) === null ? t('app.error.network') : t('dataProtection.failed') });
      }
    }
  };

  return (
    <Dialog
      title={t('dataProtection.ruleDialog.title', { rule: name })}
      isOpen
      onOpenChange={(isOpen) => !isOpen && onClose()}
    >
      <p>{rule.description}</p>
      {errors.form ? <ErrorMessage>{errors.form}</ErrorMessage> : null}
      {confirming && warning ? (
        <div className="rule-form__confirm">
          <h3 ref={focusQuestion} tabIndex={-1}>
            {t('dataProtection.ruleDialog.confirmTitle')}
          </h3>
          <p className="alert alert--warning">
            <strong>{warning}</strong>
          </p>
          <div className="actions">
            <Button variant="secondary" onPress={() => setConfirming(false)}>
              {t('dataProtection.ruleDialog.back')}
            </Button>
            <Button variant="danger" onPress={() => void submit()} isPending={state.loading}>
              {t('dataProtection.ruleDialog.confirm')}
            </Button>
          </div>
        </div>
      ) : (
        <Form onSubmit={(e) => void submit(e)} className="form rule-form" validationBehavior="aria">
          <div className="rule-form__keep">
            <TextField
              label={t('dataProtection.ruleDialog.amount')}
              name="keepAmount"
              inputMode="numeric"
              value={amount}
              onChange={(v) => {
                setAmount(v);
                setErrors((er) => ({ ...er, keepAmount: undefined }));
              }}
              errorMessage={errors.keepAmount}
              isRequired
              autoComplete="off"
            />
            <Select
              label={t('dataProtection.ruleDialog.unit')}
              name="keepUnit"
              options={UNITS.map((u) => ({ id: u, label: unitLabel(u) }))}
              value={unit}
              onChange={(v) => {
                if (v) setUnit(v as RetentionUnit);
                setErrors((er) => ({ ...er, keepUnit: undefined }));
              }}
              errorMessage={errors.keepUnit}
              isRequired
            />
          </div>
          <TextField
            label={t('dataProtection.ruleDialog.decision')}
            name="decisionReference"
            value={decision}
            onChange={(v) => {
              setDecision(v);
              setErrors((er) => ({ ...er, decisionReference: undefined }));
            }}
            description={t('dataProtection.ruleDialog.decisionHint')}
            errorMessage={errors.decisionReference}
            maxLength={100}
            autoComplete="off"
          />
          <Checkbox
            className="checkbox"
            isSelected={enabled}
            onChange={(v) => {
              setEnabled(v);
              setErrors((er) => ({ ...er, decisionReference: undefined }));
            }}
          >
            <span className="checkbox__box" aria-hidden="true" />
            <span>{t('dataProtection.ruleDialog.enabled')}</span>
          </Checkbox>
          {warning ? (
            <p className="alert alert--warning" id="rule-warning">
              {warning}
            </p>
          ) : null}
          <div className="actions">
            <Button variant="secondary" slot="close">
              {t('app.cancel')}
            </Button>
            <Button type="submit" isPending={state.loading}>
              {state.loading ? t('app.saving') : t('app.save')}
            </Button>
          </div>
        </Form>
      )}
    </Dialog>
  );
}

/** Persons whose processing is restricted, with links to their pages. */
function RestrictedSection() {
  const { data, loading, error, fetchMore } = useQuery(RestrictedPersonsQuery, {
    variables: { first: RESTRICTED_PAGE },
  });
  const connection = data?.actors;
  const persons = connection?.edges.map((e) => e.node) ?? [];
  const more = () =>
    fetchMore({
      variables: { first: RESTRICTED_PAGE, after: connection?.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        actors: {
          ...fetchMoreResult.actors,
          edges: [...previous.actors.edges, ...fetchMoreResult.actors.edges],
        },
      }),
    }).catch(() => undefined);

  return (
    <section aria-labelledby="restricted-heading">
      <h2 id="restricted-heading">{t('dataProtection.restricted.heading')}</h2>
      <p>{t('dataProtection.restricted.explain')}</p>
      {loading && !data ? <LoadingMessage>{t('app.loading')}</LoadingMessage> : null}
      {error && !data ? <ErrorMessage>{t('app.error.generic')}</ErrorMessage> : null}
      {data && persons.length === 0 ? <p>{t('dataProtection.restricted.none')}</p> : null}
      {persons.length > 0 && connection ? (
        <>
          <div className="table-wrap" role="region" tabIndex={0} aria-labelledby="restricted-heading">
            <table className="data-protection-table">
              <caption className="visually-hidden">{t('dataProtection.restricted.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dataProtection.restricted.name')}</th>
                  <th scope="col">{t('dataProtection.restricted.since')}</th>
                  <th scope="col">{t('dataProtection.restricted.lastActivity')}</th>
                </tr>
              </thead>
              <tbody>
                {persons.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link href={`/actors/${p.id}`}>{p.name}</Link>
                    </th>
                    <td>{p.restriction ? formatDate(p.restriction.restrictedAt) : t('app.none')}</td>
                    <td>
                      {p.lastActivityOn
                        ? formatDate(p.lastActivityOn)
                        : t('dataProtection.restricted.noActivity')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint">
            {t('dataProtection.restricted.count', { shown: persons.length, total: connection.totalCount })}
          </p>
          {connection.pageInfo.hasNextPage ? (
            <Button variant="secondary" onPress={() => void more()}>
              {t('dataProtection.restricted.more')}
            </Button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** The weekly follow-up of the access log, as the API gives it: totals, then each user of the week. */
function SummariesSection() {
  const { data, loading, error } = useQuery(AccessLogSummariesQuery, { variables: { first: SUMMARY_WEEKS } });
  const weeks = data?.accessLogSummaries ?? [];
  return (
    <section aria-labelledby="summaries-heading">
      <h2 id="summaries-heading">{t('dataProtection.summaries.heading')}</h2>
      <p>
        {t('dataProtection.summaries.explain', {
          absolute: FLAG_THRESHOLDS.absolute,
          relative: FLAG_THRESHOLDS.relative,
          factor: FLAG_THRESHOLDS.factor,
        })}
      </p>
      {loading && !data ? <LoadingMessage>{t('app.loading')}</LoadingMessage> : null}
      {error && !data ? <ErrorMessage>{t('app.error.generic')}</ErrorMessage> : null}
      {data && weeks.length === 0 ? <p>{t('dataProtection.summaries.none')}</p> : null}
      {weeks.map((week) => {
        const id = `summary-${week.weekStart}`;
        const date = formatDate(week.weekStart);
        return (
          <div key={week.weekStart} className="summary-week">
            <h3 id={id}>{t('dataProtection.summaries.week', { date })}</h3>
            <p>
              {t(
                week.reads === 1 ? 'dataProtection.summaries.totals.one' : 'dataProtection.summaries.totals',
                {
                  reads: week.reads,
                  users: week.users,
                  flagged: week.flaggedUsers,
                  computed: formatDateTime(week.computedAt),
                },
              )}
            </p>
            {week.perUser.length > 0 ? (
              <div className="table-wrap" role="region" tabIndex={0} aria-labelledby={id}>
                <table className="data-protection-table">
                  <caption className="visually-hidden">
                    {t('dataProtection.summaries.caption', { date })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('dataProtection.summaries.user')}</th>
                      <th scope="col">{t('dataProtection.summaries.reads')}</th>
                      <th scope="col">{t('dataProtection.summaries.persons')}</th>
                      <th scope="col">{t('dataProtection.summaries.median')}</th>
                      <th scope="col">{t('dataProtection.summaries.flagged')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {week.perUser.map((u) => (
                      <tr key={u.user.id}>
                        <th scope="row">{u.user.name}</th>
                        <td className="data-protection-table__number">{formatNumber(u.reads)}</td>
                        <td className="data-protection-table__number">{formatNumber(u.persons)}</td>
                        <td className="data-protection-table__number">
                          {u.baselineMedian === null || u.baselineMedian === undefined
                            ? t('dataProtection.summaries.noMedian')
                            : formatNumber(u.baselineMedian)}
                        </td>
                        <td className={u.flagged ? 'summary-flag--yes' : undefined}>
                          {u.flagged ? t('dataProtection.summaries.yes') : t('dataProtection.summaries.no')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}

export const Component = DataProtectionPage;
