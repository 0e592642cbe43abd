import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { MeetingPlacesQuery } from '../events/operations';
import { EventPage } from './EventPage';
import { EventWithParticipantsQuery } from './operations';
import { PARTICIPANTS_PAGE } from './useAllParticipants';

const participant = (
  id: string,
  name: string,
  status: string,
  role: string,
  organisation: string | null,
) => ({
  __typename: 'ParticipationEdge',
  node: {
    __typename: 'Participation',
    id,
    role,
    status,
    source: 'MANUAL',
    checkedInAt: status === 'ATTENDED' ? '2026-12-03T08:05:00.000Z' : null,
    actor: {
      __typename: 'Actor',
      id: `a-${id}`,
      name,
      email: `${id}@example.se`,
      organisation: organisation ? { __typename: 'Actor', id: `o-${id}`, name: organisation } : null,
    },
  },
});

const mocks = [
  {
    request: { query: MeetingPlacesQuery },
    result: { data: { meetingPlaces: [] } },
  },
  {
    request: { query: EventWithParticipantsQuery, variables: { id: 'e1', first: PARTICIPANTS_PAGE } },
    result: {
      data: {
        event: {
          __typename: 'Event',
          id: 'e1',
          title: 'Vinterkonferens',
          startsAt: '2026-12-03T08:00:00.000Z',
          endsAt: null,
          meetingPlace: 'GRAND_HOTEL',
          format: 'CONFERENCE',
          topics: [],
          participants: {
            __typename: 'ParticipationConnection',
            totalCount: 3,
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c3' },
            edges: [
              participant('p1', 'Anna Andersson', 'ATTENDED', 'SPEAKER', 'Umeå kommun'),
              participant('p2', 'Bertil Berg', 'REGISTERED', 'AUDIENCE', null),
              participant('p3', 'Cecilia Ek', 'CANCELLED', 'AUDIENCE', 'Skellefteå AB'),
            ],
          },
        },
      },
    },
  },
];

function renderPage() {
  render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={['/events/e1']}>
        <Routes>
          <Route path="/events/:id" element={<EventPage />} />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

const names = () =>
  within(screen.getByRole('table', { name: 'Deltagare på Vinterkonferens' }))
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);

describe('participant filter', () => {
  it('shows only the participants with the chosen status and role, and says how many', async () => {
    const user = userEvent.setup();
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Vinterkonferens' })).toBeInTheDocument();
    expect(names()).toEqual(['Anna Andersson', 'Bertil Berg', 'Cecilia Ek']);

    await user.click(screen.getByRole('button', { name: /Status/ }));
    await user.click(await screen.findByRole('option', { name: 'Anmäld' }));
    expect(names()).toEqual(['Bertil Berg']);
    expect(screen.getByText('Visar 1 av 3 deltagare.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Status/ }));
    await user.click(await screen.findByRole('option', { name: 'Alla' }));
    await user.click(screen.getByRole('button', { name: /Roll/ }));
    await user.click(await screen.findByRole('option', { name: 'Publik' }));
    expect(names()).toEqual(['Bertil Berg', 'Cecilia Ek']);

    await user.type(screen.getByRole('searchbox', { name: 'Namn eller organisation' }), 'skelleftea');
    expect(names()).toEqual(['Cecilia Ek']);
  });
});

describe('participant export', () => {
  const href = (name: string) => screen.getByRole('link', { name }).getAttribute('href');

  it('links to the API’s CSV and Excel files with the chosen status and role', async () => {
    const user = userEvent.setup();
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Vinterkonferens' })).toBeInTheDocument();
    expect(href('Exportera CSV')).toBe('/exports/events/e1/participants.csv');
    expect(href('Exportera Excel')).toBe('/exports/events/e1/participants.xlsx');
    expect(screen.getByRole('link', { name: 'Exportera Excel' })).toHaveAttribute('download');

    await user.click(screen.getByRole('button', { name: /Status/ }));
    await user.click(await screen.findByRole('option', { name: 'Deltog' }));
    await user.click(screen.getByRole('button', { name: /Roll/ }));
    await user.click(await screen.findByRole('option', { name: 'Talare' }));
    // The name search filters the page only; the files follow status and role.
    await user.type(screen.getByRole('searchbox', { name: 'Namn eller organisation' }), 'anna');
    expect(href('Exportera CSV')).toBe('/exports/events/e1/participants.csv?status=ATTENDED&role=SPEAKER');
    expect(href('Exportera Excel')).toBe('/exports/events/e1/participants.xlsx?status=ATTENDED&role=SPEAKER');
  });
});
