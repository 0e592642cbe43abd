import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { formatNumber } from '../i18n/i18n';
import { MeQuery, SessionProvider } from '../auth/session';
import {
  DataProtectionPage,
  DataProtectionView,
  FLAG_THRESHOLDS,
  RESTRICTED_PAGE,
  RUNS_SHOWN,
  SUMMARY_WEEKS,
} from './DataProtectionPage';
import {
  AccessLogSummariesQuery,
  RestrictedPersonsQuery,
  RetentionPreviewQuery,
  RetentionRulesQuery,
  RetentionRunsQuery,
  RunRetentionMutation,
  UpdateRetentionRuleMutation,
} from './operations';

type Code =
  | 'INACTIVE_PERSONS'
  | 'REJECTED_IMPORT_ROWS'
  | 'ACCESS_LOG'
  | 'SESSIONS'
  | 'INVITATIONS'
  | 'IDEMPOTENCY_KEYS'
  | 'PERSONAL_DATA_EXPORTS';

const rule = (code: Code, overrides: Record<string, unknown> = {}) => ({
  __typename: 'RetentionRule',
  code,
  description: `Beskrivning av ${code}`,
  keepAmount: 30,
  keepUnit: 'DAYS',
  requiresDecision: false,
  decisionReference: null as string | null,
  enabled: true,
  updatedAt: '2026-12-01T00:00:00.000Z',
  ...overrides,
});

const INACTIVE = rule('INACTIVE_PERSONS', {
  description: 'Personer utan aktivitet anonymiseras',
  keepAmount: 36,
  keepUnit: 'MONTHS',
  requiresDecision: true,
  enabled: false,
});
const SESSIONS = rule('SESSIONS', { description: 'Utgångna inloggningar raderas' });
const EXPORTS = rule('PERSONAL_DATA_EXPORTS', { keepAmount: 1, keepUnit: 'DAYS' });

/** The rules and, asked apart, the preview. */
const retentionAnswer = (
  rules: ReturnType<typeof rule>[],
  counts: Partial<Record<Code, number>>,
  maxUsageCount = 1,
): MockLink.MockedResponse[] => [
  {
    request: { query: RetentionRulesQuery },
    result: { data: { retentionRules: rules } },
    maxUsageCount,
  },
  {
    request: { query: RetentionPreviewQuery },
    result: {
      data: {
        retentionPreview: rules.map((r) => ({
          __typename: 'RetentionPreviewItem',
          count: counts[r.code as Code] ?? 0,
          rule: { __typename: 'RetentionRule', code: r.code },
        })),
      },
    },
    maxUsageCount,
  },
];

const run = (status: 'RUNNING' | 'DONE' | 'FAILED', counts: Partial<Record<Code, number>> = {}) => ({
  __typename: 'RetentionRun',
  id: 'run-2',
  trigger: 'MANUAL',
  asOf: '2026-12-04T19:00:00.000Z',
  status,
  startedAt: '2026-12-04T19:00:00.000Z',
  finishedAt: status === 'RUNNING' ? null : '2026-12-04T19:00:05.000Z',
  error: status === 'FAILED' ? 'INACTIVE_PERSONS: QueryFailedError' : null,
  counts: Object.entries(counts).map(([code, count]) => ({
    __typename: 'RetentionCount',
    code,
    count,
    decisionReference: null,
  })),
});
const NIGHTLY = {
  ...run('DONE', { SESSIONS: 12, PERSONAL_DATA_EXPORTS: 1 }),
  id: 'run-1',
  trigger: 'SCHEDULE',
  startedAt: '2026-12-04T01:30:00.000Z',
};

const runsAnswer = (runs: unknown[], maxUsageCount = 1): MockLink.MockedResponse => ({
  request: { query: RetentionRunsQuery, variables: { first: RUNS_SHOWN } },
  result: { data: { retentionRuns: runs } },
  maxUsageCount,
});

const restrictedAnswer = (
  persons: { id: string; name: string; since: string; last: string | null }[],
): MockLink.MockedResponse => ({
  request: { query: RestrictedPersonsQuery, variables: { first: RESTRICTED_PAGE } },
  result: {
    data: {
      actors: {
        __typename: 'ActorConnection',
        totalCount: persons.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: persons.map((p) => ({
          __typename: 'ActorEdge',
          node: {
            __typename: 'Actor',
            id: p.id,
            name: p.name,
            restriction: { __typename: 'ActorRestriction', restrictedAt: p.since },
            lastActivityOn: p.last,
          },
        })),
      },
    },
  },
  maxUsageCount: Infinity,
});

const summariesAnswer = (weeks: unknown[]): MockLink.MockedResponse => ({
  request: { query: AccessLogSummariesQuery, variables: { first: SUMMARY_WEEKS } },
  result: { data: { accessLogSummaries: weeks } },
  maxUsageCount: Infinity,
});

const WEEK = {
  __typename: 'AccessLogSummary',
  weekStart: '2026-11-23',
  computedAt: '2026-11-30T05:00:00.000Z',
  reads: 340,
  users: 2,
  flaggedUsers: 1,
  perUser: [
    {
      __typename: 'AccessLogUserWeek',
      reads: 300,
      persons: 2400,
      baselineMedian: 150,
      flagged: true,
      user: { __typename: 'AccessLogUser', id: 'u1', name: 'Stina Strateg' },
    },
    {
      __typename: 'AccessLogUserWeek',
      reads: 40,
      persons: 35,
      baselineMedian: null,
      flagged: false,
      user: { __typename: 'AccessLogUser', id: 'u2', name: 'Eva Ek' },
    },
  ],
};

function renderPage(mocks: MockLink.MockedResponse[]) {
  render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={['/admin/dataskydd']}>
        <DataProtectionView />
      </MemoryRouter>
    </MockedProvider>,
  );
}

const cells = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.querySelectorAll('th, td'), (c) => c.textContent));

describe('the retention rules', () => {
  it('lists each rule in Swedish with how long it keeps, its decision, its status and what the next run touches', async () => {
    renderPage([
      ...retentionAnswer([INACTIVE, SESSIONS, EXPORTS], { INACTIVE_PERSONS: 4, SESSIONS: 1200 }, Infinity),
      runsAnswer([NIGHTLY], Infinity),
      restrictedAnswer([]),
      summariesAnswer([]),
    ]);
    const table = await screen.findByRole('table', { name: 'Gallringsregler' });
    expect(cells(table)).toEqual([
      [
        'Personer utan aktivitet',
        'Personer utan aktivitet anonymiseras',
        '36 månader',
        'Inget beslut angivet',
        'Inaktiv',
        '4 om regeln blir aktiv',
        'Ändra',
      ],
      [
        'Inloggningar (sessioner)',
        'Utgångna inloggningar raderas',
        '30 dagar',
        'Behövs inte',
        'Aktiv',
        formatNumber(1200),
        'Ändra',
      ],
      [
        'Registerutdrag',
        'Beskrivning av PERSONAL_DATA_EXPORTS',
        '1 dag',
        'Behövs inte',
        'Aktiv',
        '0',
        'Ändra',
      ],
    ]);
    // The roles are explicit (a phone lays the table out as cards), and the row header is the rule's
    // name only: its description is a cell of its own, not read out with every cell of the row.
    expect(table).toHaveAttribute('role', 'table');
    expect(within(table).getAllByRole('columnheader')).toHaveLength(7);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['Personer utan aktivitet', 'Inloggningar (sessioner)', 'Registerutdrag']);
    expect(within(table).getAllByRole('cell')).toHaveLength(18);
    expect(screen.getByText(/gallringsbeslut/)).toBeInTheDocument();
    expect(screen.getByText(/Kvartalsrapporterna gallras aldrig\./)).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Ändra regeln ”Personer utan aktivitet”' }),
    ).toBeInTheDocument();

    const runs = await screen.findByRole('table', { name: 'Körningar av gallringen, senaste först' });
    expect(cells(runs)).toEqual([
      ['4 dec. 2026 02:30', 'Schemalagd', 'Klar', 'Inloggningar (sessioner): 12Registerutdrag: 1'],
    ]);
    expect(await screen.findByText('Ingen persons behandling är begränsad.')).toBeInTheDocument();
    expect(screen.getByText('Ingen veckosammanfattning ännu.')).toBeInTheDocument();
  });

  it('asks before turning on a rule that anonymises, with what the next run would do, and wants a decision first', async () => {
    const user = userEvent.setup();
    let sent: Record<string, unknown> | null = null;
    const decided = { ...INACTIVE, decisionReference: 'RVB 2026/45', enabled: true, keepAmount: 24 };
    renderPage([
      ...retentionAnswer([INACTIVE, SESSIONS], { INACTIVE_PERSONS: 4 }),
      runsAnswer([], Infinity),
      restrictedAnswer([]),
      summariesAnswer([]),
      {
        request: { query: UpdateRetentionRuleMutation, variables: () => true },
        result: (variables: Record<string, unknown>) => {
          sent = variables;
          return { data: { updateRetentionRule: decided } };
        },
      },
      ...retentionAnswer([decided, SESSIONS], { INACTIVE_PERSONS: 4 }, Infinity),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Ändra regeln ”Personer utan aktivitet”' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ändra regeln ”Personer utan aktivitet”' });
    const amount = within(dialog).getByRole('textbox', { name: /Sparas i/ });
    expect(amount).toHaveValue('36');
    await user.clear(amount);
    await user.type(amount, '24');
    const warning = 'Nästa körning anonymiserar 4 personer. Det går inte att ångra.';
    expect(within(dialog).queryByText(warning)).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Aktiv' }));
    expect(within(dialog).getByText(warning)).toBeInTheDocument();

    // Without a decision the rule cannot be active: said at the field, nothing sent.
    await user.click(within(dialog).getByRole('button', { name: 'Spara' }));
    const decision = within(dialog).getByRole('textbox', { name: /Beslut \(diarienummer\)/ });
    expect(decision).toHaveAttribute('aria-invalid', 'true');
    expect(decision).toHaveAccessibleDescription(/kan bara vara aktiv med ett gallringsbeslut/);
    expect(sent).toBeNull();

    // With one, saving asks first; going back sends nothing.
    await user.type(decision, 'RVB 2026/45');
    await user.click(within(dialog).getByRole('button', { name: 'Spara' }));
    expect(await within(dialog).findByRole('heading', { name: 'Vill du göra regeln aktiv?' })).toHaveFocus();
    expect(within(dialog).getByText(warning)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Tillbaka' }));
    expect(within(dialog).getByRole('textbox', { name: /Beslut \(diarienummer\)/ })).toHaveValue(
      'RVB 2026/45',
    );
    expect(sent).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Spara' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Gör regeln aktiv och spara' }));

    expect(await screen.findByText('Regeln ”Personer utan aktivitet” är sparad.')).toBeInTheDocument();
    expect(sent).toEqual({
      input: {
        code: 'INACTIVE_PERSONS',
        keepAmount: 24,
        keepUnit: 'MONTHS',
        decisionReference: 'RVB 2026/45',
        enabled: true,
      },
    });
    const table = screen.getByRole('table', { name: 'Gallringsregler' });
    expect(await within(table).findByText('RVB 2026/45')).toBeInTheDocument();
    expect(cells(table)[0].slice(2, 6)).toEqual(['24 månader', 'RVB 2026/45', 'Aktiv', '4']);
  });

  it.each([
    ['keepAmount', 'BELOW_FLOOR', 'Den här regeln måste spara uppgifterna i minst 12 månader (366 dagar).'],
    ['keepAmount', 'OUT_OF_RANGE', 'Skriv ett heltal från 1 till 1 200.'],
    ['decisionReference', 'TOO_LONG', 'Texten är för lång. Korta den och försök igen.'],
    [
      'decisionReference',
      'DECISION_REQUIRED',
      'Regeln gallrar allmänna handlingar och kan bara vara aktiv med ett gallringsbeslut. Skriv beslutets diarienummer.',
    ],
  ])('shows the API’s refusal of %s (%s) at the field, in Swedish', async (field, reason, text) => {
    const user = userEvent.setup();
    const decided = { ...INACTIVE, decisionReference: 'RVB 2026/45', enabled: true };
    renderPage([
      ...retentionAnswer([decided], { INACTIVE_PERSONS: 4 }),
      runsAnswer([], Infinity),
      restrictedAnswer([]),
      summariesAnswer([]),
      {
        request: { query: UpdateRetentionRuleMutation, variables: () => true },
        result: () => ({
          errors: [
            new GraphQLError(`input.${field}: refused`, {
              extensions: { code: 'BAD_USER_INPUT', field: `input.${field}`, reason },
            }),
          ],
        }),
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Ändra regeln ”Personer utan aktivitet”' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ändra regeln ”Personer utan aktivitet”' });
    await user.click(within(dialog).getByRole('button', { name: 'Spara' }));
    const label = field === 'keepAmount' ? /Sparas i/ : /Beslut \(diarienummer\)/;
    const input = within(dialog).getByRole('textbox', { name: label });
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
    expect(input).toHaveAccessibleDescription(new RegExp(text.replace(/[.()]/g, '\\$&')));
  });

  it('asks before running, with the preview total, and follows the run until it is done', async () => {
    const user = userEvent.setup();
    const ran = vi.fn();
    renderPage([
      ...retentionAnswer([INACTIVE, SESSIONS, EXPORTS], {
        INACTIVE_PERSONS: 4,
        SESSIONS: 12,
        PERSONAL_DATA_EXPORTS: 1,
      }),
      runsAnswer([NIGHTLY]),
      restrictedAnswer([]),
      summariesAnswer([]),
      {
        request: { query: RunRetentionMutation },
        result: () => {
          ran();
          return { data: { runRetention: run('RUNNING') } };
        },
      },
      runsAnswer([run('RUNNING'), NIGHTLY]),
      runsAnswer([run('DONE', { SESSIONS: 12, PERSONAL_DATA_EXPORTS: 1 }), NIGHTLY], Infinity),
      ...retentionAnswer([INACTIVE, SESSIONS, EXPORTS], { INACTIVE_PERSONS: 4 }, Infinity),
    ]);
    await screen.findByRole('table', { name: 'Körningar av gallringen, senaste först' });
    // Loading the runs announces nothing: only a change of the latest run's status is news.
    expect(screen.queryByText(/Gallringens körning/)).not.toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Kör gallring nu' }));
    let dialog = await screen.findByRole('dialog', { name: 'Kör gallring nu?' });
    // Only the active rules run: 12 sessions and 1 extract.
    expect(within(dialog).getByText(/berörs 13 poster/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    expect(ran).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Kör gallring nu' }));
    dialog = await screen.findByRole('dialog', { name: 'Kör gallring nu?' });
    await user.click(within(dialog).getByRole('button', { name: 'Kör gallring' }));
    expect(await screen.findByText('Gallringen har startat.')).toBeInTheDocument();
    expect(ran).toHaveBeenCalledTimes(1);

    const runs = screen.getByRole('table', { name: 'Körningar av gallringen, senaste först' });
    expect(await within(runs).findByText('Pågår')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Kör gallring nu' })).toBeDisabled();
    // Asked again every 2 s while it runs.
    await waitFor(
      () =>
        expect(cells(runs)[0]).toEqual([
          '4 dec. 2026 20:00',
          'Manuell',
          'Klar',
          'Inloggningar (sessioner): 12Registerutdrag: 1',
        ]),
      { timeout: 6_000 },
    );
    expect(screen.getByRole('button', { name: 'Kör gallring nu' })).toBeEnabled();
    expect(screen.getByText('Gallringens körning: Klar')).toHaveAttribute('role', 'status');
  });
  it('shows the rules when the preview times out, and says the run’s reach is not known', async () => {
    const user = userEvent.setup();
    const decided = { ...INACTIVE, decisionReference: 'RVB 2026/45', enabled: true };
    const culled = {
      ...run('DONE'),
      counts: [
        {
          __typename: 'RetentionCount',
          code: 'INACTIVE_PERSONS',
          count: 3,
          decisionReference: 'RVB 2026/45',
        },
        { __typename: 'RetentionCount', code: 'SESSIONS', count: 0, decisionReference: null },
      ],
    };
    renderPage([
      { request: { query: RetentionRulesQuery }, result: { data: { retentionRules: [decided, SESSIONS] } } },
      {
        request: { query: RetentionPreviewQuery },
        result: {
          errors: [
            new GraphQLError('Förhandsvisningen tog för lång tid och avbröts.', {
              extensions: { code: 'PREVIEW_TIMEOUT' },
            }),
          ],
        },
      },
      runsAnswer([culled], Infinity),
      restrictedAnswer([]),
      summariesAnswer([]),
    ]);
    const table = await screen.findByRole('table', { name: 'Gallringsregler' });
    expect(
      await screen.findByText(/Förhandsvisningen tog för lång tid och avbröts, så kolumnen/),
    ).toBeInTheDocument();
    expect(cells(table).map((row) => row[5])).toEqual(['–', '–']);
    // Only the rules that touched anything, with the decision they ran under.
    const runs = await screen.findByRole('table', { name: 'Körningar av gallringen, senaste först' });
    expect(cells(runs)[0][3]).toBe('Personer utan aktivitet: 3 (beslut RVB 2026/45)');

    await user.click(screen.getByRole('button', { name: 'Kör gallring nu' }));
    const dialog = await screen.findByRole('dialog', { name: 'Kör gallring nu?' });
    expect(within(dialog).getByText(/hur många poster som berörs är inte känt/)).toBeInTheDocument();
  });
});

describe('restricted persons and the access-log follow-up', () => {
  it('links each restricted person to their page and shows the weekly summaries as the API gives them', async () => {
    renderPage([
      ...retentionAnswer([SESSIONS], {}, Infinity),
      runsAnswer([], Infinity),
      restrictedAnswer([
        { id: 'a7', name: 'Rut Rättelse', since: '2026-11-02T09:00:00.000Z', last: '2026-11-28' },
        { id: 'a8', name: 'Ivar Invänd', since: '2026-12-01T09:00:00.000Z', last: null },
      ]),
      summariesAnswer([WEEK]),
    ]);
    const restricted = await screen.findByRole('table', { name: 'Begränsade personer' });
    expect(cells(restricted)).toEqual([
      ['Rut Rättelse', '2 november 2026', '28 november 2026'],
      ['Ivar Invänd', '1 december 2026', 'Ingen'],
    ]);
    expect(within(restricted).getByRole('link', { name: 'Rut Rättelse' })).toHaveAttribute(
      'href',
      '/actors/a7',
    );

    expect(
      await screen.findByRole('heading', { level: 3, name: 'Veckan från 23 november 2026' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        '340 läsningar av 2 användare. Flaggade användare: 1. Sammanställd 30 nov. 2026 06:00.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        new RegExp(
          `fler än ${formatNumber(FLAG_THRESHOLDS.absolute).replace(/\s/g, ' ')}, eller fler än ${FLAG_THRESHOLDS.relative} och ${FLAG_THRESHOLDS.factor} gånger så många`,
        ),
      ),
    ).toBeInTheDocument();
    const week = screen.getByRole('table', { name: 'Veckan från 23 november 2026, per användare' });
    expect(cells(week)).toEqual([
      ['Stina Strateg', '300', formatNumber(2400), '150', 'Ja, ovanligt många'],
      ['Eva Ek', '40', '35', '–', 'Nej'],
    ]);
  });
});

describe('a failed run', () => {
  it('says why it failed, as the API stores it', async () => {
    renderPage([
      ...retentionAnswer([SESSIONS], {}, Infinity),
      runsAnswer([run('FAILED'), NIGHTLY], Infinity),
      restrictedAnswer([]),
      summariesAnswer([]),
    ]);
    const runs = await screen.findByRole('table', { name: 'Körningar av gallringen, senaste först' });
    expect(cells(runs)[0][2]).toBe('MisslyckadesOrsak: INACTIVE_PERSONS: QueryFailedError');
    expect(cells(runs)[1][2]).toBe('Klar');
  });
});

describe('singular texts', () => {
  it('says “1 läsning” and “1 post”, not “1 läsningar” and “1 poster”', async () => {
    const user = userEvent.setup();
    renderPage([
      ...retentionAnswer([SESSIONS], { SESSIONS: 1 }, Infinity),
      runsAnswer([], Infinity),
      restrictedAnswer([]),
      summariesAnswer([{ ...WEEK, reads: 1, users: 1, flaggedUsers: 0, perUser: [] }]),
    ]);
    expect(
      await screen.findByText(
        '1 läsning av 1 användare. Flaggade användare: 0. Sammanställd 30 nov. 2026 06:00.',
      ),
    ).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Kör gallring nu' }));
    const dialog = await screen.findByRole('dialog', { name: 'Kör gallring nu?' });
    expect(within(dialog).getByText(/berörs 1 post\./)).toBeInTheDocument();
  });
});

describe('the page /admin/dataskydd', () => {
  it.each(['STRATEGIST', 'EVENT_STAFF', 'COMMITTEE'])('is refused to a signed-in %s', async (role) => {
    render(
      <MockedProvider
        mocks={[
          {
            request: { query: MeQuery },
            result: {
              data: { me: { __typename: 'User', id: 'u9', name: 'Sara Strateg', email: 's@x.test', role } },
            },
          },
        ]}
      >
        <SessionProvider>
          <MemoryRouter initialEntries={['/admin/dataskydd']}>
            <DataProtectionPage />
          </MemoryRouter>
        </SessionProvider>
      </MockedProvider>,
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Du har inte behörighet' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Gallringsregler' })).not.toBeInTheDocument();
  });
});
