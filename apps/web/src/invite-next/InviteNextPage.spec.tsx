import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { MeetingPlacesQuery } from '../events/operations';
import type { ActorFilterInput } from '../gql/graphql';
import { InviteNextPage, PAGE_SIZE } from './InviteNextPage';
import {
  DeleteSavedFilterMutation,
  InviteNextActorsQuery,
  InviteNextMunicipalitiesQuery,
  SavedFiltersQuery,
  SaveFilterMutation,
} from './operations';

const actor = (
  id: string,
  name: string,
  sector: string,
  ladder: { step: string; label: string } | null,
  lastActivityOn: string | null,
) => ({
  __typename: 'ActorEdge',
  node: {
    __typename: 'Actor',
    id,
    kind: 'PERSON',
    name,
    sector,
    lastActivityOn,
    organisation: { __typename: 'Actor', id: `org-${id}`, name: `Organisation ${name}` },
    municipality: { __typename: 'Municipality', code: '2481', name: 'Lycksele' },
    ladder: ladder ? { __typename: 'LadderPosition', ...ladder } : null,
  },
});

const savedFilter = (id: string, name: string, filter: string) => ({
  __typename: 'SavedFilter',
  id,
  name,
  filter,
  createdAt: '2026-12-01T10:00:00.000Z',
});

interface Setup {
  saved?: ReturnType<typeof savedFilter>[];
  extra?: MockLink.MockedResponse[];
  /** The API has a third actor on a second page. */
  twoPages?: boolean;
  /** The total the API says matches (default: as many as listed). */
  total?: number;
}

/** The filters the page asked the API for, in order. */
let asked: ActorFilterInput[] = [];

function mocks({ saved = [], extra = [], twoPages = false, total }: Setup): MockLink.MockedResponse[] {
  return [
    {
      request: { query: MeetingPlacesQuery },
      result: {
        data: {
          meetingPlaces: [
            {
              __typename: 'MeetingPlace',
              code: 'MOTESPLATS_LYCKSELE',
              name: 'Mötesplats Lycksele',
              city: 'Lycksele',
            },
          ],
        },
      },
      maxUsageCount: Infinity,
    },
    {
      request: { query: InviteNextMunicipalitiesQuery },
      result: {
        data: {
          municipalities: [
            { __typename: 'Municipality', code: '2481', name: 'Lycksele' },
            { __typename: 'Municipality', code: '2480', name: 'Umeå' },
          ],
        },
      },
      maxUsageCount: Infinity,
    },
    {
      request: { query: SavedFiltersQuery, variables: { page: 'NEXT_INVITES' } },
      result: { data: { savedFilters: saved } },
      maxUsageCount: Infinity,
    },
    {
      request: { query: InviteNextActorsQuery, variables: () => true },
      result: (variables: { filter: ActorFilterInput; first: number; after?: string }) => {
        expect(variables.first).toBe(PAGE_SIZE);
        if (variables.after === 'c2') {
          return {
            data: {
              actors: {
                __typename: 'ActorConnection',
                totalCount: 3,
                pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c3' },
                edges: [actor('a3', 'Cilla Ek', 'ACADEMIA', null, '2026-09-01')],
              },
            },
          };
        }
        asked.push(variables.filter);
        return {
          data: {
            actors: {
              __typename: 'ActorConnection',
              totalCount: total ?? (twoPages ? 3 : 2),
              pageInfo: { __typename: 'PageInfo', hasNextPage: twoPages, endCursor: 'c2' },
              edges: [
                actor(
                  'a1',
                  'Anna Andersson',
                  'PUBLIC_SECTOR',
                  { step: 'INTEREST', label: 'Intresse' },
                  '2026-11-20',
                ),
                actor('a2', 'Bo Berg', 'BUSINESS', null, null),
              ],
            },
          },
        };
      },
      maxUsageCount: Infinity,
    },
    ...extra,
  ];
}

function Address() {
  const location = useLocation();
  return <output data-testid="address">{location.search}</output>;
}

function renderPage(url = '/ladder/next', setup: Setup = {}) {
  asked = [];
  render(
    <MockedProvider
      mocks={mocks(setup)}
      // As the app's client: answer from the cache, then ask the API again.
      defaultOptions={{ watchQuery: { fetchPolicy: 'cache-and-network' } }}
    >
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route
            path="/ladder/next"
            element={
              <>
                <InviteNextPage />
                <Address />
              </>
            }
          />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

const address = () => screen.getByTestId('address').textContent;
const lastAsked = () => asked[asked.length - 1];
const table = () => screen.findByRole('table', { name: 'Aktörer som matchar filtret' });

async function choose(user: ReturnType<typeof userEvent.setup>, select: RegExp, option: string) {
  // Found, not got: the saved filters may answer after the table (they are a query of their own).
  await user.click(await screen.findByRole('button', { name: select }));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('filters', () => {
  it(
    'sends the chosen step and sector to the API and keeps them in the address; Rensa filter clears both',
    { timeout: 20_000 },
    async () => {
      const user = userEvent.setup();
      renderPage();
      await table();
      expect(lastAsked()).toEqual({ invitable: true });

      await choose(user, /Sektor/, 'Näringsliv');
      await waitFor(() => expect(lastAsked()).toEqual({ sector: 'BUSINESS', invitable: true }));
      expect(address()).toBe('?sector=BUSINESS');

      await choose(user, /Steg på trappan/, 'Intresse');
      await waitFor(() =>
        expect(lastAsked()).toEqual({ ladderStep: 'INTEREST', sector: 'BUSINESS', invitable: true }),
      );
      expect(address()).toBe('?ladderStep=INTEREST&sector=BUSINESS');

      await choose(user, /Delregion/, 'Inlandet');
      await choose(user, /Utan initiativ av typen/, 'Arbetsgrupp');
      await user.type(screen.getByRole('searchbox', { name: 'Namn eller e-post' }), 'berg{Enter}');
      await waitFor(() =>
        expect(lastAsked()).toEqual({
          ladderStep: 'INTEREST',
          sector: 'BUSINESS',
          subRegion: 'INLAND',
          withoutInitiativeKind: 'WORKING_GROUP',
          search: 'berg',
          invitable: true,
        }),
      );

      await user.click(screen.getByRole('button', { name: 'Rensa filter' }));
      await waitFor(() => expect(address()).toBe(''));
      await waitFor(() => expect(lastAsked()).toEqual({ invitable: true }));
      expect(screen.getByRole('button', { name: /Sektor/ })).toHaveTextContent('Alla');
      expect(screen.getByRole('searchbox', { name: 'Namn eller e-post' })).toHaveValue('');
    },
  );

  it('opens a shared link with its filter, leaving out what is not a valid value', async () => {
    renderPage(
      '/ladder/next?sector=PUBLIC_SECTOR&municipalityCode=2480&kind=NOBODY&ladderStep=TOP&meetingPlace=MOTESPLATS_LYCKSELE',
    );
    await table();
    expect(lastAsked()).toEqual({
      sector: 'PUBLIC_SECTOR',
      municipalityCode: '2480',
      meetingPlace: 'MOTESPLATS_LYCKSELE',
      invitable: true,
    });
    expect(screen.getByRole('button', { name: /Sektor/ })).toHaveTextContent('Offentlig sektor');
    expect(await screen.findByRole('button', { name: /Kommun/ })).toHaveTextContent('Umeå');
  });
});

describe('the list', () => {
  it('shows each actor’s step and last activity, and "Ingen registrerad" when there is none', async () => {
    renderPage();
    const rows = within(await table())
      .getAllByRole('row')
      .slice(1);
    const cells = (row: HTMLElement) => Array.from(row.querySelectorAll('th, td'), (c) => c.textContent);
    expect(cells(rows[0])).toEqual([
      'Anna Andersson',
      'Organisation Anna Andersson',
      'Offentlig sektor',
      'Lycksele',
      'Intresse',
      '20 november 2026',
    ]);
    expect(cells(rows[1])).toEqual([
      'Bo Berg',
      'Organisation Bo Berg',
      'Näringsliv',
      'Lycksele',
      'Inte på trappan',
      'Ingen registrerad',
    ]);
    expect(screen.getByRole('link', { name: 'Anna Andersson' })).toHaveAttribute('href', '/actors/a1');
    expect(screen.getByText('Visar 2 av 2 aktörer.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Visa fler' })).not.toBeInTheDocument();
  });

  it('Visa fler adds the next page and says how many of the total are shown', async () => {
    const user = userEvent.setup();
    renderPage('/ladder/next?sector=ACADEMIA', { twoPages: true });
    await table();
    expect(screen.getByText('Visar 2 av 3 aktörer.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Visa fler' }));
    expect(await screen.findByRole('link', { name: 'Cilla Ek' })).toBeInTheDocument();
    expect(screen.getByText('Visar 3 av 3 aktörer.')).toBeInTheDocument();
    expect(screen.getAllByRole('rowheader').map((c) => c.textContent)).toEqual([
      'Anna Andersson',
      'Bo Berg',
      'Cilla Ek',
    ]);
    expect(screen.queryByRole('button', { name: 'Visa fler' })).not.toBeInTheDocument();
  });
});

describe('export', () => {
  const href = (name: string) => screen.getByRole('link', { name }).getAttribute('href');

  it(
    'links to the CSV and Excel files with the filter as query parameters named as the API’s filter',
    { timeout: 20_000 },
    async () => {
      const user = userEvent.setup();
      renderPage();
      await table();
      // Always invitable: a person whose consent is withdrawn is never exported for an invitation.
      expect(href('Exportera CSV')).toBe('/exports/actors.csv?invitable=true');
      expect(href('Exportera Excel')).toBe('/exports/actors.xlsx?invitable=true');

      await choose(user, /Steg på trappan/, 'Intresse');
      await choose(user, /Sektor/, 'Offentlig sektor');
      await choose(user, /Kommun/, 'Umeå');
      await choose(user, /Har deltagit vid mötesplats/, 'Mötesplats Lycksele');
      await choose(user, /Personer eller organisationer/, 'Personer');
      const expected =
        'ladderStep=INTEREST&sector=PUBLIC_SECTOR&municipalityCode=2480&meetingPlace=MOTESPLATS_LYCKSELE&kind=PERSON&invitable=true';
      await waitFor(() => expect(href('Exportera CSV')).toBe(`/exports/actors.csv?${expected}`));
      expect(href('Exportera Excel')).toBe(`/exports/actors.xlsx?${expected}`);
      expect(screen.getByRole('link', { name: 'Exportera CSV' })).toHaveAttribute('download');
    },
  );
});

describe('exports of too wide a filter', () => {
  it('says how to narrow a filter that matches more actors than an export may hold, instead of a failing link', async () => {
    renderPage('/ladder/next', { total: 20_000 });
    await table();
    expect(screen.queryByRole('link', { name: 'Exportera CSV' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Exportera Excel' })).toBeNull();
    expect(
      screen.getByText(
        /^Urvalet har 20\s000 aktörer\. En export får ha högst 5\s000: välj ett snävare urval/,
      ),
    ).toBeInTheDocument();
  });
});

describe('saved filters', () => {
  it('applying a saved filter sets the filters, the address and the export links', async () => {
    const user = userEvent.setup();
    renderPage('/ladder/next?sector=BUSINESS', {
      // As the API answers it: jsonb text, keys in its own order.
      saved: [savedFilter('s1', 'Akademin i inlandet', '{"sector": "ACADEMIA", "subRegion": "INLAND"}')],
    });
    await table();
    await choose(user, /Sparade urval/, 'Akademin i inlandet');
    await waitFor(() =>
      expect(lastAsked()).toEqual({ sector: 'ACADEMIA', subRegion: 'INLAND', invitable: true }),
    );
    expect(address()).toBe('?sector=ACADEMIA&subRegion=INLAND');
    expect(screen.getByRole('button', { name: /Sektor/ })).toHaveTextContent('Akademi');
    expect(screen.getByRole('button', { name: /Delregion/ })).toHaveTextContent('Inlandet');
    expect(screen.getByRole('link', { name: 'Exportera CSV' })).toHaveAttribute(
      'href',
      '/exports/actors.csv?sector=ACADEMIA&subRegion=INLAND&invitable=true',
    );
    expect(screen.getByText('Urvalet ”Akademin i inlandet” används.')).toBeInTheDocument();
  });

  it('shows the saved filter the address equals as chosen (after a reload)', async () => {
    renderPage('/ladder/next?subRegion=INLAND&sector=ACADEMIA', {
      saved: [
        savedFilter('s0', 'Allt näringsliv', '{"sector": "BUSINESS"}'),
        savedFilter('s1', 'Akademin i inlandet', '{"sector": "ACADEMIA", "subRegion": "INLAND"}'),
      ],
    });
    expect(await screen.findByRole('button', { name: /Sparade urval/ })).toHaveTextContent(
      'Akademin i inlandet',
    );
    expect(screen.getByRole('button', { name: 'Ta bort urvalet Akademin i inlandet' })).toBeInTheDocument();
  });

  it('saving sends the current filter as a JSON object under the name given', async () => {
    const user = userEvent.setup();
    let sent: unknown = null;
    renderPage('/ladder/next?sector=BUSINESS&ladderStep=INTEREST', {
      extra: [
        {
          request: { query: SaveFilterMutation, variables: () => true },
          result: (variables: Record<string, unknown>) => {
            sent = variables;
            return {
              data: {
                saveFilter: savedFilter(
                  's9',
                  'Näringslivet som visat intresse',
                  '{"sector": "BUSINESS", "ladderStep": "INTEREST"}',
                ),
              },
            };
          },
        },
      ],
    });
    await table();
    await user.click(screen.getByRole('button', { name: 'Spara urval' }));
    const dialog = await screen.findByRole('dialog', { name: 'Spara urval' });
    await user.type(
      within(dialog).getByRole('textbox', { name: /Namn på urvalet/ }),
      'Näringslivet som visat intresse',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Spara' }));

    expect(
      await screen.findByText('Urvalet ”Näringslivet som visat intresse” är sparat.'),
    ).toBeInTheDocument();
    expect(sent).toEqual({
      input: {
        page: 'NEXT_INVITES',
        name: 'Näringslivet som visat intresse',
        filter: '{"ladderStep":"INTEREST","sector":"BUSINESS"}',
      },
    });
    expect(JSON.parse((sent as { input: { filter: string } }).input.filter)).toEqual({
      ladderStep: 'INTEREST',
      sector: 'BUSINESS',
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Sparade urval/ })).toHaveTextContent(
      'Näringslivet som visat intresse',
    );
  });

  it('saving under a name already used asks first, then says the filter was replaced', async () => {
    const user = userEvent.setup();
    let saves = 0;
    renderPage('/ladder/next?sector=CIVIL_SOCIETY', {
      saved: [savedFilter('s1', 'Mina', '{"sector": "BUSINESS"}')],
      extra: [
        {
          request: { query: SaveFilterMutation, variables: () => true },
          result: () => {
            saves += 1;
            return { data: { saveFilter: savedFilter('s1', 'Mina', '{"sector": "CIVIL_SOCIETY"}') } };
          },
        },
      ],
    });
    await table();
    await user.click(await screen.findByRole('button', { name: 'Spara urval' }));
    const dialog = await screen.findByRole('dialog', { name: 'Spara urval' });
    await user.type(within(dialog).getByRole('textbox', { name: /Namn på urvalet/ }), 'Mina');
    await user.click(within(dialog).getByRole('button', { name: 'Spara' }));
    expect(
      await within(dialog).findByText(
        'Du har redan ett urval som heter ”Mina”. Vill du ersätta det med filtret som det är nu?',
      ),
    ).toBeInTheDocument();
    expect(saves).toBe(0);

    await user.click(within(dialog).getByRole('button', { name: 'Ersätt' }));
    expect(
      await screen.findByText('Urvalet ”Mina” är ersatt med filtret som det är nu.'),
    ).toBeInTheDocument();
    expect(saves).toBe(1);
  });

  it('deletes a saved filter only after the question is answered', async () => {
    const user = userEvent.setup();
    let deleted: unknown = null;
    renderPage('/ladder/next?sector=BUSINESS', {
      saved: [savedFilter('s0', 'Allt näringsliv', '{"sector": "BUSINESS"}')],
      extra: [
        {
          request: { query: DeleteSavedFilterMutation, variables: { id: 's0' } },
          result: (variables: Record<string, unknown>) => {
            deleted = variables;
            return { data: { deleteSavedFilter: true } };
          },
        },
      ],
    });
    await user.click(await screen.findByRole('button', { name: 'Ta bort urvalet Allt näringsliv' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ta bort urvalet?' });
    await user.click(within(dialog).getByRole('button', { name: 'Behåll' }));
    expect(deleted).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Ta bort urvalet Allt näringsliv' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Ta bort urvalet?' })).getByRole('button', {
        name: 'Ta bort',
      }),
    );
    expect(await screen.findByText('Urvalet ”Allt näringsliv” är borttaget.')).toBeInTheDocument();
    expect(deleted).toEqual({ id: 's0' });
    expect(screen.queryByRole('button', { name: /Sparade urval/ })).not.toBeInTheDocument();
  });
});
