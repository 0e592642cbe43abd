import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { ImportPage } from './ImportPage';
import { ImportEventQuery, RegistrationImportsQuery } from './operations';

const earlierImport = (
  id: string,
  fileName: string | null,
  status: string,
  createdAt: string,
  counts: [number, number, number],
) => ({
  __typename: 'RegistrationImport',
  id,
  fileName,
  status,
  createdAt,
  createdParticipations: counts[0],
  updatedParticipations: counts[1],
  rejectedCount: counts[2],
});

function renderPage(imports: ReturnType<typeof earlierImport>[]) {
  const mocks = [
    {
      request: { query: ImportEventQuery, variables: { id: 'e1' } },
      result: {
        data: {
          event: {
            __typename: 'Event',
            id: 'e1',
            title: 'Vinterkonferens',
            startsAt: '2026-12-03T08:00:00.000Z',
          },
        },
      },
    },
    {
      request: { query: RegistrationImportsQuery, variables: { eventId: 'e1' } },
      result: { data: { registrationImports: imports } },
    },
  ];
  render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={['/events/e1/import']}>
        <Routes>
          <Route path="/events/:id/import" element={<ImportPage />} />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('earlier imports', () => {
  beforeEach(() => localStorage.clear());

  it("lists the event's imports from the API, newest first, with their status and counts", async () => {
    renderPage([
      earlierImport('i2', 'december.xlsx', 'RUNNING', '2026-11-20T09:30:00.000Z', [0, 0, 0]),
      earlierImport('i1', null, 'DONE', '2026-11-02T13:00:00.000Z', [12, 3, 2]),
    ]);
    const table = await screen.findByRole('table', { name: 'Tidigare importer till evenemanget' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0].textContent)).toEqual([
      'december.xlsx',
      'listan',
    ]);
    expect(within(rows[0]).getByText('pågår')).toBeInTheDocument();
    expect(within(rows[1]).getByText('klar')).toBeInTheDocument();
    expect(within(rows[1]).getByText('12 nya, 3 ändrade, 2 ej inlästa')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Visa resultatet för december.xlsx' })).toBeInTheDocument();
    // Nothing about imports is kept on the device any more.
    expect(localStorage.length).toBe(0);
  });

  it('says so when the event has no imports', async () => {
    renderPage([]);
    expect(await screen.findByText('Inga listor har importerats till evenemanget än.')).toBeInTheDocument();
  });
});
