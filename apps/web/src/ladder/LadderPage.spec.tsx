import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import type { LadderStep } from '../gql/graphql';
import { LadderDashboard } from './LadderPage';
import {
  LadderChoicesQuery,
  LadderDashboardQuery,
  LadderTransitionActorsQuery,
  LadderTrendQuery,
} from './operations';
import { trendQuarterEnds } from './quarters';
import { ACTORS_PAGE } from './TransitionActorsDialog';

// The charts draw on a canvas, which jsdom has not got; the tables are what is tested here.
vi.mock('./LadderChart', () => ({ default: () => <div data-testid="chart" /> }));

const TODAY = '2026-12-04';
const STEPS: LadderStep[] = ['AWARENESS', 'INTEREST', 'PARTICIPATION', 'COLLABORATION', 'INFLUENCE'];

const bucket = (group: string, label: string, counts: (number | null)[], total: number | null) => ({
  __typename: 'LadderBucket',
  group,
  label,
  total,
  suppressed: total === null,
  steps: STEPS.map((step, i) => ({
    __typename: 'StepCount',
    step,
    count: counts[i],
    suppressed: counts[i] === null,
  })),
});

const transition = (from: LadderStep | null, to: LadderStep | null, count: number | null) => ({
  __typename: 'LadderTransition',
  from,
  to,
  count,
  suppressed: count === null,
});

const movement = (suppressed: boolean) => ({
  __typename: 'LadderMovement',
  movedUp: 14,
  movedDown: suppressed ? null : 1,
  newlyEngaged: 9,
  noLongerEngaged: suppressed ? null : 2,
  passiveToActive: 5,
  unchanged: 40,
  suppressedFields: suppressed ? ['movedDown', 'noLongerEngaged'] : [],
  transitions: [
    transition(null, 'AWARENESS', 9),
    transition('INTEREST', 'PARTICIPATION', 12),
    transition('AWARENESS', 'INTEREST', suppressed ? null : 2),
    transition('PARTICIPATION', 'PARTICIPATION', 40),
  ],
});

const choices = {
  request: { query: LadderChoicesQuery },
  result: {
    data: {
      meetingPlaces: [
        { __typename: 'MeetingPlace', code: 'GRAND_HOTEL', name: 'Västerbotten på Grand Hôtel' },
        { __typename: 'MeetingPlace', code: 'MOTESPLATS_LYCKSELE', name: 'Mötesplats Lycksele' },
      ],
      municipalities: [
        { __typename: 'Municipality', code: '2480', name: 'Umeå', countyCode: '24' },
        { __typename: 'Municipality', code: '2481', name: 'Lycksele', countyCode: '24' },
        { __typename: 'Municipality', code: '0180', name: 'Stockholm', countyCode: '01' },
      ],
    },
  },
};

const trendDates = trendQuarterEnds(TODAY);
const trend = (filter: Record<string, unknown>) => ({
  request: {
    query: LadderTrendQuery,
    variables: { filter, ...Object.fromEntries(trendDates.map((d, i) => [`q${i + 1}`, d])) },
  },
  result: {
    data: Object.fromEntries(
      trendDates.map((_, i) => [`q${i + 1}`, [bucket('ALL', 'Alla', [10 + i, 5, 3, 2, 1], 21 + i)]]),
    ),
  },
});

const dashboard = (
  variables: Record<string, unknown>,
  buckets: ReturnType<typeof bucket>[],
  suppressed = false,
) => ({
  request: { query: LadderDashboardQuery, variables },
  result: { data: { ladderDistribution: buckets, ladderMovement: movement(suppressed) } },
});

function Address() {
  const location = useLocation();
  return <output data-testid="address">{location.search}</output>;
}

function renderPage(role: 'STRATEGIST' | 'COMMITTEE', url: string, mocks: readonly unknown[]) {
  render(
    <MockedProvider mocks={mocks as never}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route
            path="/ladder"
            element={
              <>
                <LadderDashboard role={role} today={TODAY} />
                <Address />
              </>
            }
          />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

/** The table's body as text, a row at a time. */
const tableRows = (name: string | RegExp) =>
  within(screen.getByRole('table', { name }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent));

describe('the ladder dashboard for a strategist', () => {
  const variables = {
    asOf: TODAY,
    groupBy: 'SECTOR',
    filter: {},
    movementFilter: {},
    from: '2026-09-30',
    to: TODAY,
  };
  const sectors = [
    bucket('PUBLIC_SECTOR', 'Offentlig sektor', [30, 12, 6, 2, 1], 51),
    bucket('BUSINESS', 'Näringsliv', [1204, 8, 0, 0, 0], 1212),
  ];

  it('shows the distribution with the same numbers as the API, grouped by sector', async () => {
    renderPage('STRATEGIST', '/ladder?groupBy=SECTOR', [choices, dashboard(variables, sectors), trend({})]);
    expect(
      await screen.findByRole('table', { name: 'Aktörer per steg den 4 december 2026, per sektor' }),
    ).toBeInTheDocument();
    expect(tableRows(/Aktörer per steg den/)).toEqual([
      ['Offentlig sektor', '30', '12', '6', '2', '1', '51'],
      ['Näringsliv', '1\u00a0204', '8', '0', '0', '0', '1\u00a0212'],
    ]);
    const headers = within(screen.getByRole('table', { name: /Aktörer per steg den/ }))
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual([
      'Sektor',
      'Medvetenhet',
      'Intresse',
      'Deltagande',
      'Samverkan',
      'Påverkan och handling',
      'Totalt',
    ]);
    expect(
      screen.getByRole('heading', { level: 1, name: 'Trappan' }).closest('[data-ready]'),
    ).toHaveAttribute('data-ready', 'true');
    // The key figures, newly engaged and passive to active among them.
    expect(screen.getByText('Nya').nextSibling?.textContent).toContain('9');
    expect(screen.getByText('Från passiv till aktiv').nextSibling?.textContent).toContain('5');
    // The trend: eight quarters, oldest first.
    const trendTable = await screen.findByRole('table', { name: /de senaste åtta kvartalen/ });
    expect(
      within(trendTable)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['2024 K4', '2025 K1', '2025 K2', '2025 K3', '2025 K4', '2026 K1', '2026 K2', '2026 K3']);
  });

  it('opens a matrix cell and lists the actors behind it, with their pages', async () => {
    const user = userEvent.setup();
    const actors = {
      request: {
        query: LadderTransitionActorsQuery,
        variables: {
          from: '2026-09-30',
          to: TODAY,
          fromStep: 'INTEREST',
          toStep: 'PARTICIPATION',
          filter: {},
          first: ACTORS_PAGE,
        },
      },
      result: {
        data: {
          ladderTransitionActors: {
            __typename: 'ActorConnection',
            totalCount: 12,
            pageInfo: { __typename: 'PageInfo', hasNextPage: true, endCursor: 'c1' },
            edges: [
              {
                __typename: 'ActorEdge',
                cursor: 'c1',
                node: {
                  __typename: 'Actor',
                  id: 'a1',
                  name: 'Anna Andersson',
                  kind: 'PERSON',
                  organisation: { __typename: 'Actor', id: 'o1', name: 'Umeå kommun' },
                  municipality: { __typename: 'Municipality', code: '2480', name: 'Umeå' },
                },
              },
            ],
          },
        },
      },
    };
    renderPage('STRATEGIST', '/ladder?groupBy=SECTOR', [
      choices,
      dashboard(variables, sectors),
      trend({}),
      actors,
    ]);
    const button = await screen.findByRole('button', {
      name: 'Visa de 12 aktörerna som gick från Intresse till Deltagande',
    });
    expect(
      screen.getByRole('button', {
        name: 'Visa de 9 aktörerna som gick från Inte engagerad till Medvetenhet',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Visa de 40 aktörerna som stod kvar på Deltagande' }),
    ).toBeInTheDocument();
    await user.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Från Intresse till Deltagande' });
    expect(await within(dialog).findByRole('link', { name: 'Anna Andersson' })).toHaveAttribute(
      'href',
      '/actors/a1',
    );
    expect(within(dialog).getByText('Umeå kommun')).toBeInTheDocument();
    expect(within(dialog).getByText('Visar 1 av 12.')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Visa fler' })).toBeInTheDocument();
  });

  it('shows a municipality from the address as a filter that can be removed', async () => {
    const user = userEvent.setup();
    const filtered = {
      ...variables,
      groupBy: 'NONE',
      filter: { municipalityCode: '2480' },
      movementFilter: { municipalityCode: '2480' },
    };
    const unfiltered = { ...variables, groupBy: 'NONE' };
    renderPage('STRATEGIST', '/ladder?municipality=2480', [
      choices,
      dashboard(filtered, [bucket('ALL', 'Alla', [3, 2, 1, 0, 0], 6)]),
      trend({ municipalityCode: '2480' }),
      dashboard(unfiltered, [bucket('ALL', 'Alla', [30, 20, 10, 0, 0], 60)]),
      trend({}),
    ]);
    const remove = await screen.findByRole('button', { name: 'Ta bort filtret Kommun: Umeå' });
    expect(screen.getByText('Kommun: Umeå')).toBeInTheDocument();
    expect(
      await screen.findByRole('table', { name: 'Aktörer per steg den 4 december 2026' }),
    ).toBeInTheDocument();
    expect(tableRows('Aktörer per steg den 4 december 2026')).toEqual([
      ['Alla', '3', '2', '1', '0', '0', '6'],
    ]);
    await user.click(remove);
    expect(screen.getByTestId('address').textContent).toBe('');
    expect(screen.queryByRole('button', { name: /Ta bort filtret/ })).not.toBeInTheDocument();
    expect(await screen.findByText('60')).toBeInTheDocument();
  });

  it('names a municipality outside the county that the map links to', async () => {
    const filter = { municipalityCode: '0180' };
    renderPage('STRATEGIST', '/ladder?municipality=0180', [
      choices,
      dashboard({ ...variables, groupBy: 'NONE', filter, movementFilter: filter }, [
        bucket('ALL', 'Alla', [1, 0, 0, 0, 0], 1),
      ]),
      trend(filter),
    ]);
    expect(
      await screen.findByRole('button', { name: 'Ta bort filtret Kommun: Stockholm' }),
    ).toBeInTheDocument();
    const select = screen
      .getAllByRole('button', { name: /Kommun/ })
      .find((b) => b.getAttribute('aria-haspopup') === 'listbox');
    expect(select).toHaveTextContent('Stockholm');
  });

  it('says in Swedish which choice the API refused, never a broken page', async () => {
    const refused = {
      request: {
        query: LadderDashboardQuery,
        variables: { ...variables, groupBy: 'NONE', from: '2026-12-31' },
      },
      result: {
        errors: [
          {
            message: 'to: must not be before from',
            extensions: { code: 'BAD_USER_INPUT', field: 'to' },
          },
        ],
      },
    };
    renderPage('STRATEGIST', '/ladder?from=2026-12-31', [choices, refused, trend({})]);
    expect(await screen.findByText('Till: välj ett slut som ligger efter början.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Trappan' })).toBeInTheDocument();
  });
});

describe('the ladder dashboard for the committee', () => {
  const variables = {
    asOf: '2026-09-30',
    groupBy: 'NONE',
    filter: {},
    movementFilter: {},
    from: '2026-06-30',
    to: '2026-09-30',
  };

  it('shows withheld counts as such, and matrix cells as plain numbers, never buttons', async () => {
    renderPage('COMMITTEE', '/ladder', [
      choices,
      dashboard(variables, [bucket('ALL', 'Alla', [40, 12, null, null, 0], null)], true),
      trend({}),
    ]);
    const table = await screen.findByRole('table', { name: 'Aktörer per steg den 30 september 2026' });
    expect(tableRows('Aktörer per steg den 30 september 2026')).toEqual([
      ['Alla', '40', '12', '–Visas inte', '–Visas inte', '0', '–Visas inte'],
    ]);
    expect(table).toBeInTheDocument();
    expect(screen.getAllByText(/– betyder att uppgiften inte visas/).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/Uppgifter som inte visas saknas i diagrammet/).length).toBeGreaterThan(0);
    const matrix = screen.getByRole('table', { name: /Aktörer från steg till steg/ });
    expect(within(matrix).queryAllByRole('button')).toEqual([]);
    expect(within(matrix).getAllByText('12').length).toBe(1);
    expect(screen.queryByText(/Välj ett tal/)).not.toBeInTheDocument();
    // The withheld key figures.
    expect(screen.getByText('Gick ned').nextSibling?.textContent).toMatch(/^–Visas inte/);
    // Ended quarters only: the quarter picker instead of a date.
    expect(screen.getByRole('button', { name: /Kvartal/ })).toHaveTextContent('2026 K3');
    expect(screen.queryByRole('textbox', { name: 'Datum' })).not.toBeInTheDocument();
  });

  it('explains that the movement covers the whole county when a municipality is chosen', async () => {
    renderPage('COMMITTEE', '/ladder?municipality=2480', [
      choices,
      dashboard({ ...variables, filter: { municipalityCode: '2480' } }, [
        bucket('ALL', 'Alla', [4, 3, 0, 0, 0], 7),
      ]),
      trend({ municipalityCode: '2480' }),
    ]);
    expect(await screen.findByText(/Rörelsen visas för hela länet/)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Ta bort filtret Kommun: Umeå' })).toBeInTheDocument();
  });
});
