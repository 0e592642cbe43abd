// `/admin/dataskydd` (ADMIN): retention rules and runs, persons whose processing is restricted, and the
// weekly follow-up of the access log.
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { Checkbox, Form } from 'react-aria-components';
import { errorCode, fieldErrors } from '../app/apollo';
import { ADMIN_ROLES, RequireRole } from '../auth/RequireSession';
import type { RetentionRuleFieldsFragment, RetentionUnit } from '../gql/graphql';
import { formatDate, formatDateTime, formatNumber, t } from '../i18n/i18n';
import { placeErrors } from '../initiatives/reasons';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Dialog } from '../ui/Dialog';
import { Link } from '../ui/Link';
import { ErrorMessage, LoadingMessage, StatusMessage } from '../ui/Messages';
import { PageTitle } from '../ui/PageTitle';
import { Select } from '../ui/Select';
import { TextField } from '../ui/TextField';
import { keepLabel, ruleLabel, runStatusLabel, triggerLabel, unitLabel } from './labels';
import {
  AccessLogSummariesQuery,
  RestrictedPersonsQuery,
  RetentionPreviewQuery,
  RetentionRulesQuery,
  RetentionRunsQuery,
  RunRetentionMutation,
  UpdateRetentionRuleMutation,
} from './operations';
import '../ui/checkbox.css';
import './data-protection.css';

/** While a run is under way, the runs are asked for again this often. */
export const RUN_POLL_MS = 2000;
export const RUNS_SHOWN = 20;
export const RESTRICTED_PAGE = 50;
export const SUMMARY_WEEKS = 8;
const UNITS: readonly RetentionUnit[] = ['DAYS', 'MONTHS'];

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
  const [news, setNews] = useState<string | null>(null);
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
        {news ? <StatusMessage className="alert alert--success">{news}</StatusMessage> : null}
        {failure ? <ErrorMessage>{failure}</ErrorMessage> : null}
        {rules.loading && !rules.data ? <LoadingMessage>{t('app.loading')}</LoadingMessage> : null}
        {rules.error && !rules.data ? <ErrorMessage>{t('app.error.generic')}</ErrorMessage> : null}
        {rules.data ? (
          <>
            <div className="table-wrap" role="region" tabIndex={0} aria-labelledby="retention-rules-heading">
              <table className="data-protection-table data-protection-table--rules">
                <caption className="visually-hidden">{t('dataProtection.rules.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('dataProtection.rules.rule')}</th>
                    <th scope="col">{t('dataProtection.rules.keep')}</th>
                    <th scope="col">{t('dataProtection.rules.decision')}</th>
                    <th scope="col">{t('dataProtection.rules.status')}</th>
                    <th scope="col">{t('dataProtection.rules.preview')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('dataProtection.rules.edit')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rules.data.retentionRules.map((rule) => (
                    <tr key={rule.code}>
                      <th scope="row">
                        {ruleLabel(rule.code)}
                        <span className="data-protection-table__detail">{rule.description}</span>
                      </th>
                      <td
                        data-label={t('dataProtection.rules.keep')}
                        className="data-protection-table__nowrap"
                      >
                        {keepLabel(rule.keepAmount, rule.keepUnit)}
                      </td>
                      <td data-label={t('dataProtection.rules.decision')}>
                        {rule.decisionReference ??
                          (rule.requiresDecision
                            ? t('dataProtection.rules.noDecision')
                            : t('dataProtection.rules.decisionNotNeeded'))}
                      </td>
                      <td
                        data-label={t('dataProtection.rules.status')}
                        className={`data-protection-table__nowrap${rule.enabled ? '' : ' retention-status--inactive'}`}
                      >
                        {rule.enabled ? t('dataProtection.rules.active') : t('dataProtection.rules.inactive')}
                      </td>
                      <td
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
                      <td>
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
        {/* Announces a run's progress (Pågår → Klar) without moving focus. */}
        <p role="status" className="visually-hidden">
          {list[0] ? `${t('dataProtection.runs.heading')}: ${runStatusLabel(list[0].status)}` : ''}
        </p>
      </section>

      {editing ? (
        <RuleDialog
          rule={editing}
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
            : t('dataProtection.run.text', { count: total })}
        </p>
      </ConfirmDialog>
    </>
  );
}

type RuleErrors = Partial<
  Record<'keepAmount' | 'keepUnit' | 'decisionReference' | 'enabled' | 'form', string>
>;

function ruleReason(field: string, reason: string, requiresDecision: boolean): string {
  if (field === 'decisionReference') {
    if (/at most \d+ characters/.test(reason)) return t('dataProtection.reason.tooLong');
    if (requiresDecision) return t('dataProtection.ruleDialog.decisionRequired');
    return t('dataProtection.reason.other');
  }
  if (field === 'keepAmount') {
    if (/at least 12 months/.test(reason)) return t('dataProtection.ruleDialog.amountFloor');
    return t('dataProtection.ruleDialog.amountRange');
  }
  return t('dataProtection.reason.other');
}

/** "Ändra": how long the rule keeps, its decision's reference, and whether it is active. */
function RuleDialog({
  rule,
  onClose,
  onSaved,
}: {
  rule: RetentionRuleFieldsFragment;
  onClose: () => void;
  onSaved: (code: RetentionRuleFieldsFragment['code']) => void;
}) {
  const [amount, setAmount] = useState(String(rule.keepAmount));
  const [unit, setUnit] = useState<RetentionUnit>(rule.keepUnit);
  const [decision, setDecision] = useState(rule.decisionReference ?? '');
  const [enabled, setEnabled] = useState(rule.enabled);
  const [errors, setErrors] = useState<RuleErrors>({});
  const [update, state] = useMutation(UpdateRetentionRuleMutation);
  const name = ruleLabel(rule.code);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const keepAmount = Number(amount.trim());
    if (!/^\d+$/.test(amount.trim()) || keepAmount < 1) {
      setErrors({ keepAmount: t('dataProtection.ruleDialog.amountInvalid') });
      return;
    }
    setErrors({});
    try {
      const decisionReference = decision.trim() || null;
      await update({
        variables: { input: { code: rule.code, keepAmount, keepUnit: unit, decisionReference, enabled } },
      });
      onSaved(rule.code);
    } catch (error) {
      if (errorCode(error) === 'BAD_USER_INPUT') {
        const server = Object.fromEntries(
          Object.entries(fieldErrors(error)).map(([field, why]) => {
            const short = field.replace(/^input\./, '');
            return [short, ruleReason(short, why, rule.requiresDecision)];
          }),
        );
        setErrors(
          placeErrors(
            server,
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
        <div className="actions">
          <Button variant="secondary" slot="close">
            {t('app.cancel')}
          </Button>
          <Button type="submit" isPending={state.loading}>
            {state.loading ? t('app.saving') : t('app.save')}
          </Button>
        </div>
      </Form>
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
      <p>{t('dataProtection.summaries.explain')}</p>
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
              {t('dataProtection.summaries.totals', {
                reads: week.reads,
                users: week.users,
                flagged: week.flaggedUsers,
                computed: formatDateTime(week.computedAt),
              })}
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
