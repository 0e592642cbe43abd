import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { vi } from 'vitest';
import type { Boundaries, MapView } from './boundaries';
import { MapContent } from './MapPage';
import { MapDistributionQuery } from './operations';

// The boundaries from the files the app ships (the page fetches them; here they are read from disk).
vi.mock('./boundaries', async (importOriginal) => {
  const original = await importOriginal<typeof import('./boundaries')>();
  return {
    ...original,
    loadBoundaries: (view: MapView) =>
      Promise.resolve(
        original.forD3(
          JSON.parse(
            readFileSync(
              path.join(
                __dirname,
                'data',
                view === 'county' ? 'vasterbotten-municipalities.geojson' : 'sweden-municipalities.geojson',
              ),
              'utf8',
            ),
          ) as Boundaries,
        ),
      ),
  };
});

const STEPS = ['AWARENESS', 'INTEREST', 'PARTICIPATION', 'COLLABORATION', 'INFLUENCE'];

function bucket(group: string, label: string, counts: (number | null)[], total: number | null) {
  return {
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
  };
}

const staffBuckets = [
  bucket('2480', 'Umeå', [600, 17, 300, 200, 117], 1234),
  bucket('2481', 'Lycksele', [20, 10, 8, 3, 1], 42),
  bucket('2482', 'Skellefteå', [7, 0, 1, 0, 0], 8),
  bucket('1280', 'Malmö', [5, 0, 0, 0, 0], 5),
  bucket('SE', 'SE', [3, 0, 0, 0, 0], 3),
  bucket('NO', 'NO', [2, 0, 0, 0, 0], 2),
];

const committeeBuckets = [
  bucket('2480', 'Umeå', [600, 17, 300, 200, 117], 1234),
  bucket('2481', 'Lycksele', [null, null, null, null, null], null),
  bucket('2482', 'Skellefteå', [null, 0, null, 0, 0], null),
];

function renderMap(url: string, buckets: unknown[], asOf: string | null = null, committee = false) {
  function Dashboard() {
    const location = useLocation();
    return <p>Trappan {location.pathname + location.search}</p>;
  }
  render(
    <MockedProvider
      mocks={[
        {
          request: { query: MapDistributionQuery, variables: { asOf } },
          result: { data: { ladderDistribution: buckets } },
        },
      ]}
    >
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="/ladder/map" element={<MapContent committee={committee} />} />
          <Route path="/ladder" element={<Dashboard />} />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

const map = () => screen.findByTestId('municipality-map');
const areas = async () => within(await map()).getAllByRole('link');

describe('the county map', () => {
  it('has the 15 municipalities as focusable links named with their engaged actors', async () => {
    renderMap('/ladder/map', staffBuckets);
    const links = await areas();
    expect(links).toHaveLength(15);
    const names = links.map((l) => l.getAttribute('aria-label'));
    expect(names).toContain('Umeå: 1\u00a0234 engagerade aktörer');
    expect(names).toContain('Lycksele: 42 engagerade aktörer');
    expect(names).toContain('Skellefteå: 8 engagerade aktörer');
    expect(names).toContain('Bjurholm: 0 engagerade aktörer');
    expect(names.filter((n) => n?.endsWith(': 0 engagerade aktörer'))).toHaveLength(12);
    for (const link of links) expect(link).toHaveAttribute('tabindex', '0');
    expect(await map()).toHaveAttribute('data-ready', 'true');
    expect(await map()).toHaveAttribute('aria-busy', 'false');
    // Each shape is drawn (a path with coordinates).
    expect(links[0].querySelector('path')?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    expect(screen.getByText('Kartdata: Valmyndigheten (förenklad)')).toBeInTheDocument();
  });

  it('shows the same numbers in a table, and the actors the map cannot show as text', async () => {
    renderMap('/ladder/map', staffBuckets);
    const table = await screen.findByRole('table', { name: /Engagerade aktörer per kommun i Västerbotten/ });
    const lycksele = within(table).getByRole('rowheader', { name: 'Lycksele' }).closest('tr');
    expect(lycksele).toHaveTextContent('Lycksele4229');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 15 + 1);
    expect(within(table).getByRole('rowheader', { name: 'Totalt' }).closest('tr')).toHaveTextContent(
      'Totalt1 28449 %', // the matcher reads no-break spaces as spaces
    );
    expect(screen.getByText('I kommuner i andra län: 5')).toBeInTheDocument();
    expect(screen.getByText('I Sverige utan känd kommun: 3')).toBeInTheDocument();
    expect(screen.getByText('Utomlands: Norge 2')).toBeInTheDocument();
  });

  it('switches to the share on steps 3–5, keeping the names and describing the share', async () => {
    const user = userEvent.setup();
    renderMap('/ladder/map', staffBuckets);
    await areas();
    expect(screen.getByText('Antal engagerade aktörer')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Andel på steg 3–5' }));
    expect(screen.getByRole('radio', { name: 'Andel på steg 3–5' })).toBeChecked();
    expect(screen.getByText('Andel av de engagerade på steg 3–5')).toBeInTheDocument();
    expect(screen.getByText('80–100 %')).toBeInTheDocument();
    const lycksele = within(await map()).getByRole('link', { name: 'Lycksele: 42 engagerade aktörer' });
    expect(lycksele).toHaveAccessibleDescription('Andel på steg 3–5: 29\u00a0%');
    // Umeå: 617 of 1 234 on steps 3–5 (50 %) is drawn in the class 40–59 %, Lycksele (29 %) in 20–39 %.
    const fill = (name: string) =>
      within(screen.getByTestId('municipality-map'))
        .getByRole('link', { name })
        .querySelector('path')
        ?.getAttribute('fill');
    expect(fill('Umeå: 1\u00a0234 engagerade aktörer')).toBe('#41ae76');
    expect(fill('Lycksele: 42 engagerade aktörer')).toBe('#99d8c9');
  });

  it('opens the dashboard filtered to a municipality on click, keeping the date', async () => {
    const user = userEvent.setup();
    renderMap('/ladder/map?asOf=2026-06-30', staffBuckets, '2026-06-30');
    await user.click(within(await map()).getByRole('link', { name: 'Lycksele: 42 engagerade aktörer' }));
    expect(await screen.findByText('Trappan /ladder?municipality=2481&asOf=2026-06-30')).toBeInTheDocument();
  });

  it('opens the dashboard with the keyboard', async () => {
    const user = userEvent.setup();
    renderMap('/ladder/map', staffBuckets);
    within(await map())
      .getByRole('link', { name: 'Umeå: 1\u00a0234 engagerade aktörer' })
      .focus();
    // Beside the map, for sighted keyboard users: the focused municipality's figures.
    expect(await screen.findByText(/engagerade aktörer\. Andel på steg 3–5: 50 %/)).toHaveTextContent(
      'Umeå: 1 234 engagerade aktörer. Andel på steg 3–5: 50 %',
    );
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Trappan /ladder?municipality=2480')).toBeInTheDocument();
  });
});

describe('the committee', () => {
  it('chooses among ended quarters and hears "skyddat antal" for a withheld count', async () => {
    renderMap('/ladder/map?asOf=2025-12-31', committeeBuckets, '2025-12-31', true);
    const names = (await areas()).map((l) => l.getAttribute('aria-label'));
    expect(names).toContain('Lycksele: skyddat antal engagerade aktörer');
    expect(names).toContain('Umeå: 1\u00a0234 engagerade aktörer');
    expect(screen.getByRole('button', { name: /Kvartal/ })).toHaveTextContent('2025 K4 (31 december 2025)');
    expect(screen.getByText('Skyddat antal')).toBeInTheDocument();
    const table = screen.getByRole('table');
    expect(within(table).getByRole('rowheader', { name: 'Lycksele' }).closest('tr')).toHaveTextContent(
      'Lyckseleskyddatskyddat',
    );
  });
});

describe('the whole of Sweden', () => {
  it('draws all 290 municipalities and makes only those with actors links', async () => {
    const user = userEvent.setup();
    renderMap('/ladder/map', staffBuckets);
    await areas();
    await user.click(screen.getByRole('radio', { name: 'Hela Sverige' }));
    const svg = await screen.findByRole('group', { name: /Karta över Sveriges kommuner/ });
    expect(svg.querySelectorAll('.map__areas path')).toHaveLength(290);
    const names = within(svg)
      .getAllByRole('link')
      .map((l) => l.getAttribute('aria-label'));
    expect(names).toEqual([
      'Lycksele: 42 engagerade aktörer',
      'Malmö: 5 engagerade aktörer',
      'Skellefteå: 8 engagerade aktörer',
      'Umeå: 1\u00a0234 engagerade aktörer',
    ]);
    expect(screen.queryByText(/I kommuner i andra län/)).not.toBeInTheDocument();
  });
});
