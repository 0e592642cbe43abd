import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import type { SessionUser } from '../auth/auth-api';
import {
  GenerateQuarterlyReportMutation,
  QuarterlyReportFiguresQuery,
  QuarterlyReportsQuery,
  ReportYearsQuery,
} from './operations';
import { ReportsView } from './ReportsPage';

// 4 December 2026: the newest ended quarter is 2026 K3.
const NOW = new Date('2026-12-04T10:00:00.000Z');
const STEPS = ['AWARENESS', 'INTEREST', 'PARTICIPATION', 'COLLABORATION', 'INFLUENCE'] as const;

const version = (quarter: number, v: number, status: string) => ({
  __typename: 'QuarterlyReport',
  id: `r-${quarter}-${v}`,
  year: 2026,
  quarter,
  version: v,
  status,
  generatedAt: status === 'READY' ? '2026-10-02T07:30:00.000Z' : null,
  pdfUrl: status === 'READY' ? `/reports/r-${quarter}-${v}.pdf` : null,
  xlsxUrl: status === 'READY' ? `/reports/r-${quarter}-${v}.xlsx` : null,
  error: null,
});

const yearsMock: MockLink.MockedResponse = {
  request: { query: ReportYearsQuery, variables: { y1: 2025, y2: 2024, y3: 2023, y4: 2022, y5: 2021 } },
  result: { data: { y1: [], y2: [], y3: [], y4: [], y5: [] } },
  maxUsageCount: Infinity,
};

const listMock = (versions: ReturnType<typeof version>[], maxUsageCount = 1): MockLink.MockedResponse => ({
  request: { query: QuarterlyReportsQuery, variables: { year: 2026 } },
  result: { data: { quarterlyReports: versions } },
  maxUsageCount,
});

const compared = (current: number | null, suppressed = false) => ({
  __typename: 'ComparedFigure',
  current,
  previousQuarter: current,
  yearEarlier: current,
  suppressed,
});
const steps = (counts: (number | null)[]) =>
  STEPS.map((step, i) => ({
    __typename: 'StepCount',
    step,
    count: counts[i],
    suppressed: counts[i] === null,
  }));
const genders = (count: number | null) =>
  ['WOMAN', 'MAN', 'NON_BINARY', 'NOT_STATED'].map((gender) => ({
    __typename: 'GenderCount',
    gender,
    count,
    suppressed: count === null,
  }));

/** A small report; for the committee (k = 3) the steps with 1–2 actors are withheld. */
function figuresOf(quarter: number, committee: boolean, withNames: boolean) {
  const withheld = (n: number) => (committee && n > 0 && n < 3 ? null : n);
  return {
    __typename: 'ReportFigures',
    disclosureMinCount: committee ? 3 : null,
    periodStart: quarter === 3 ? '2026-07-01' : '2026-04-01',
    periodEnd: '2026-09-30',
    previousLabel: '2026 K2',
    yearEarlierLabel: '2025 K3',
    summary: {
      __typename: 'ReportSummary',
      engagedActors: compared(42),
      newActors: compared(withheld(2), committee),
      movedUp: compared(7),
      movedDown: compared(0),
      passiveToActive: compared(5),
      largestChanges: [{ __typename: 'LargestChange', textSv: 'Deltagande ökade med 5 aktörer' }],
    },
    ladder: {
      __typename: 'ReportLadder',
      atEnd: steps([20, 10, 9, withheld(2), withheld(1)]),
      atEndPreviousQuarter: steps([18, 10, 8, 4, 0]),
      atEndYearEarlier: steps([15, 9, 7, 3, 0]),
      history: [{ __typename: 'QuarterSteps', label: '2026 K3', steps: steps([20, 10, 9, 2, 1]) }],
      movement: [
        { __typename: 'MovementCell', from: null, to: 'AWARENESS', count: 5, suppressed: false },
        {
          __typename: 'MovementCell',
          from: 'AWARENESS',
          to: 'INTEREST',
          count: withheld(2),
          suppressed: committee,
        },
      ],
    },
    meetingPlaces: [
      {
        __typename: 'MeetingPlaceFigures',
        code: 'GRAND_HOTEL',
        nameSv: 'Grand Hotell',
        eventsHeld: compared(3),
        attendance: compared(120),
        uniqueActors: compared(80),
        newActors: compared(12),
        ladderMix: steps([40, 20, 10, 5, 5]),
      },
    ],
    synergy: compared(4),
    sectors: [
      {
        __typename: 'SectorFigures',
        sector: 'PUBLIC_SECTOR',
        labelSv: 'Offentlig sektor',
        engaged: compared(30),
        ladderMix: steps([10, 10, 5, 3, 2]),
      },
    ],
    crossSectorInitiatives: [],
    municipalities: [
      {
        __typename: 'MunicipalityFigures',
        code: '2480',
        nameSv: 'Umeå',
        subRegion: 'UMEA',
        engaged: compared(30),
        participants: compared(25),
      },
    ],
    subRegions: [
      {
        __typename: 'SubRegionFigures',
        code: 'UMEA',
        nameSv: 'Umeåregionen',
        engaged: compared(30),
        participants: compared(25),
      },
    ],
    outsideCounty: { __typename: 'AreaFigures', engaged: compared(0), participants: compared(0) },
    unknownLocation: { __typename: 'AreaFigures', engaged: compared(0), participants: compared(0) },
    gender: {
      __typename: 'GenderFigures',
      participants: genders(10),
      onStage: genders(committee ? null : 1),
      perMeetingPlace: [],
      lastFourQuarters: [],
    },
    reachedInfluence: [
      withNames
        ? {
            __typename: 'ReachedInfluence',
            kind: 'ORGANISATION',
            descriptionSv: 'Skellefteå Kraft',
            reachedOn: '2026-08-20',
            reasonSv: 'Beslut i styrelsen',
          }
        : { __typename: 'ReachedInfluence', kind: 'ORGANISATION' },
    ],
    reachedInfluencePersons: {
      __typename: 'ReachedInfluencePersons',
      total: committee ? null : 1,
      suppressed: committee,
    },
  };
}

const figuresMock = (quarter: number, v: number, role: SessionUser['role']): MockLink.MockedResponse => {
  const committee = role === 'COMMITTEE';
  return {
    request: {
      query: QuarterlyReportFiguresQuery,
      variables: { year: 2026, quarter, version: v, withNames: !committee },
    },
    result: {
      data: {
        quarterlyReport: {
          ...version(quarter, v, 'READY'),
          changes:
            v === 1
              ? null
              : [
                  {
                    __typename: 'FigureChange',
                    whatSv: 'Engagerade aktörer',
                    before: 40,
                    after: 42,
                    suppressed: false,
                  },
                ],
          figures: figuresOf(quarter, committee, !committee),
        },
      },
    },
    maxUsageCount: Infinity,
  };
};

function renderPage(role: SessionUser['role'], mocks: MockLink.MockedResponse[]) {
  render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={['/reports']}>
        <ReportsView role={role} now={NOW} pollInterval={30} />
      </MemoryRouter>
    </MockedProvider>,
  );
}

const quarterSection = (name: string) => screen.getByRole('region', { name });

describe('the quarters and their versions', () => {
  const versions = [
    version(2, 1, 'READY'),
    version(3, 1, 'READY'),
    version(3, 2, 'READY'),
    version(3, 3, 'FAILED'),
  ];

  it('lists every version with "Ladda ner PDF" and "Ladda ner Excel" for each ready one, the newest first', async () => {
    renderPage('COMMITTEE', [
      yearsMock,
      listMock(versions, Infinity),
      figuresMock(3, 2, 'COMMITTEE'),
      figuresMock(3, 1, 'COMMITTEE'),
    ]);
    const q3 = await screen.findByRole('region', { name: '2026 kvartal 3' });
    const headings = within(q3)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(headings).toEqual(['Version 3', 'Version 2', 'Version 1']);
    expect(within(q3).getByText(/Misslyckades/)).toBeInTheDocument();
    const pdfs = within(q3).getAllByRole('link', { name: 'Ladda ner PDF' });
    expect(pdfs.map((a) => a.getAttribute('href'))).toEqual(['/reports/r-3-2.pdf', '/reports/r-3-1.pdf']);
    expect(pdfs[0]).toHaveAccessibleDescription('2026 kvartal 3, version 2');
    expect(
      within(q3)
        .getAllByRole('link', { name: 'Ladda ner Excel' })
        .map((a) => a.getAttribute('href')),
    ).toEqual(['/reports/r-3-2.xlsx', '/reports/r-3-1.xlsx']);
    expect(
      within(quarterSection('2026 kvartal 2')).getAllByRole('link', { name: 'Ladda ner PDF' }),
    ).toHaveLength(1);
    // The newest ready version's figures are shown; an older one's on request, focus moving there.
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Siffror för 2026 kvartal 3, version 2' }),
    ).toBeInTheDocument();
    await userEvent
      .setup()
      .click(
        within(q3).getByRole('button', { name: 'Visa siffrorna', description: '2026 kvartal 3, version 1' }),
      );
    const heading = await screen.findByRole('heading', {
      level: 2,
      name: 'Siffror för 2026 kvartal 3, version 1',
    });
    expect(heading).toHaveFocus();
  });

  it.each<[SessionUser['role'], number]>([
    ['ADMIN', 3],
    ['STRATEGIST', 3],
    ['EVENT_STAFF', 0],
    ['COMMITTEE', 0],
  ])('offers "Beställ ny version" per ended quarter to %s: %i buttons', async (role, count) => {
    renderPage(role, [yearsMock, listMock(versions, Infinity), figuresMock(3, 2, role)]);
    await screen.findByRole('region', { name: '2026 kvartal 3' });
    expect(screen.queryAllByRole('button', { name: 'Beställ ny version' })).toHaveLength(count);
  });
});

describe('ordering a new version', () => {
  it('shows the new version waiting, polls until it is ready and announces it', async () => {
    const user = userEvent.setup();
    renderPage('STRATEGIST', [
      yearsMock,
      listMock([version(3, 1, 'READY')]),
      {
        request: { query: GenerateQuarterlyReportMutation, variables: { year: 2026, quarter: 3 } },
        result: { data: { generateQuarterlyReport: version(3, 2, 'PENDING') } },
      },
      listMock([version(3, 1, 'READY'), version(3, 2, 'RUNNING')], 2),
      listMock([version(3, 1, 'READY'), version(3, 2, 'READY')], Infinity),
      figuresMock(3, 1, 'STRATEGIST'),
      figuresMock(3, 2, 'STRATEGIST'),
    ]);
    const q3 = await screen.findByRole('region', { name: '2026 kvartal 3' });
    await user.click(within(q3).getByRole('button', { name: 'Beställ ny version' }));

    expect(await within(q3).findByText(/Väntar/)).toBeInTheDocument();
    expect(
      await screen.findByText('Version 2 är inte klar ännu. Siffrorna visas när den är klar.'),
    ).toBeInTheDocument();

    expect(await screen.findByText('Version 2 är klar', {}, { timeout: 3000 })).toHaveAttribute(
      'aria-live',
      'polite',
    );
    expect(within(q3).getAllByRole('link', { name: 'Ladda ner PDF' })[0]).toHaveAttribute(
      'href',
      '/reports/r-3-2.pdf',
    );
    expect(within(q3).queryByText(/Väntar/)).not.toBeInTheDocument();
    // The new version's figures, with what changed since version 1.
    const changes = await screen.findByRole('table', { name: 'Siffror som ändrats sedan förra versionen' });
    expect(within(changes).getByRole('rowheader', { name: 'Engagerade aktörer' })).toBeInTheDocument();
  });
});

describe('the figures', () => {
  it('shows withheld counts as "<3" with the explanation, and the committee no names, only counts', async () => {
    renderPage('COMMITTEE', [
      yearsMock,
      listMock([version(3, 1, 'READY')], Infinity),
      figuresMock(3, 1, 'COMMITTEE'),
    ]);
    const ladder = await screen.findByRole('table', { name: 'Aktörer på varje steg vid kvartalets slut' });
    const row = (name: string) =>
      within(ladder).getByRole('rowheader', { name }).closest('tr') as HTMLElement;
    expect(within(row('4. Samverkan')).getAllByRole('cell')[0]).toHaveTextContent('<3');
    // A change that would need the withheld count is withheld too.
    expect(within(row('4. Samverkan')).getAllByRole('cell')[3]).toHaveTextContent('..');
    expect(within(row('1. Medvetenhet')).getAllByRole('cell')[0]).toHaveTextContent('20');
    expect(screen.getByText('”<3”: Färre än 3 personer; uppgiften visas inte.')).toBeInTheDocument();
    expect(screen.getByText('Första versionen')).toBeInTheDocument();

    expect(screen.getByText('Organisationer som nådde steg 5: 1.')).toBeInTheDocument();
    expect(screen.getByText('Personer som nådde steg 5: <3.')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Organisationer som nådde steg 5' })).not.toBeInTheDocument();
    expect(screen.queryByText('Skellefteå Kraft')).not.toBeInTheDocument();
  });

  it('names the organisations that reached step 5 for staff, in exact numbers', async () => {
    renderPage('STRATEGIST', [
      yearsMock,
      listMock([version(3, 1, 'READY')], Infinity),
      figuresMock(3, 1, 'STRATEGIST'),
    ]);
    const table = await screen.findByRole('table', { name: 'Organisationer som nådde steg 5' });
    expect(within(table).getByRole('rowheader', { name: 'Skellefteå Kraft' })).toBeInTheDocument();
    expect(screen.queryByText(/Färre än/)).not.toBeInTheDocument();
    expect(screen.getByText('Personer som nådde steg 5: 1.')).toBeInTheDocument();
  });
});

describe('an empty year', () => {
  it('says there are no reports and lets a strategist order one for an ended quarter', async () => {
    renderPage('STRATEGIST', [yearsMock, listMock([], Infinity)]);
    expect(await screen.findByText('Det finns inga rapporter för 2026.')).toBeInTheDocument();
    const q3 = screen.getByRole('region', { name: '2026 kvartal 3' });
    expect(within(q3).getByRole('button', { name: 'Beställ ny version' })).toBeInTheDocument();
    expect(within(q3).getByText('Ingen rapport för kvartalet ännu.')).toBeInTheDocument();
    // 2026 K4 has not ended: nothing to order.
    expect(screen.queryByRole('region', { name: '2026 kvartal 4' })).not.toBeInTheDocument();
  });

  it('offers the committee nothing to order', async () => {
    renderPage('COMMITTEE', [yearsMock, listMock([], Infinity)]);
    expect(await screen.findByText('Det finns inga rapporter för 2026.')).toBeInTheDocument();
    expect(screen.queryAllByRole('button', { name: /Beställ/ })).toHaveLength(0);
  });
});
