import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { MeetingPlacesQuery } from '../events/operations';
import { InitiativeFormPage } from './InitiativeFormPage';
import { InitiativesPage, INITIATIVES_PAGE } from './InitiativesPage';
import { InitiativeView, type LoadedInitiative } from './InitiativePage';
import {
  CreateInitiativeMutation,
  InitiativeActorOptionsQuery,
  InitiativeListQuery,
  JoinInitiativeMutation,
  LeaveInitiativeMutation,
} from './operations';
import { todayInStockholm } from './reasons';

const meetingPlaces: MockLink.MockedResponse = {
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
};

const membership = (id: string, name: string, leftOn: string | null, role = 'MEMBER') => ({
  node: {
    id,
    role: role as 'MEMBER',
    joinedOn: '2026-02-01',
    leftOn,
    actor: {
      id: `a-${id}`,
      name,
      kind: 'PERSON' as const,
      organisation: { id: 'o1', name: 'Lycksele kommun' },
    },
  },
});

const initiative: LoadedInitiative = {
  id: 'i1',
  name: 'Vätgas i inlandet',
  kind: 'WORKING_GROUP',
  meetingPlace: 'MOTESPLATS_LYCKSELE',
  startedOn: '2026-02-01',
  topics: ['energi', 'vätgas'],
  sectors: ['PUBLIC_SECTOR', 'BUSINESS'],
  members: {
    totalCount: 2,
    pageInfo: { hasNextPage: false, endCursor: 'c2' },
    edges: [membership('m1', 'Anna Berg', null, 'LEAD'), membership('m2', 'Per Ek', '2026-03-01')],
  },
};

describe('the list of initiatives', () => {
  it('shows kind, meeting place, members now and before, and sectors in Swedish', async () => {
    render(
      <MockedProvider
        mocks={[
          meetingPlaces,
          {
            request: { query: InitiativeListQuery, variables: { filter: {}, first: INITIATIVES_PAGE } },
            result: {
              data: {
                initiatives: {
                  __typename: 'InitiativeConnection',
                  totalCount: 1,
                  pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c1' },
                  edges: [
                    {
                      __typename: 'InitiativeEdge',
                      node: {
                        __typename: 'Initiative',
                        id: 'i1',
                        name: 'Vätgas i inlandet',
                        kind: 'WORKING_GROUP',
                        meetingPlace: 'MOTESPLATS_LYCKSELE',
                        startedOn: '2026-02-01',
                        sectors: ['PUBLIC_SECTOR', 'BUSINESS'],
                        members: {
                          __typename: 'InitiativeMembershipConnection',
                          totalCount: 3,
                          edges: [
                            {
                              __typename: 'InitiativeMembershipEdge',
                              node: { __typename: 'InitiativeMembership', id: 'm1', leftOn: null },
                            },
                            {
                              __typename: 'InitiativeMembershipEdge',
                              node: { __typename: 'InitiativeMembership', id: 'm2', leftOn: null },
                            },
                            {
                              __typename: 'InitiativeMembershipEdge',
                              node: { __typename: 'InitiativeMembership', id: 'm3', leftOn: '2026-03-01' },
                            },
                          ],
                        },
                      },
                    },
                  ],
                },
              },
            },
          },
        ]}
      >
        <MemoryRouter initialEntries={['/initiatives']}>
          <InitiativesPage canCreate={false} />
        </MemoryRouter>
      </MockedProvider>,
    );
    const table = await screen.findByRole('table', { name: 'Initiativ' });
    const row = within(table)
      .getByRole('rowheader', { name: /^Vätgas i inlandet/ })
      .closest('tr') as HTMLElement;
    expect(within(row).getByRole('link', { name: 'Vätgas i inlandet' })).toHaveAttribute(
      'href',
      '/initiatives/i1',
    );
    expect(await within(row).findByText('Arbetsgrupp, Mötesplats Lycksele')).toBeInTheDocument();
    expect(within(row).getByText('1 februari 2026')).toBeInTheDocument();
    expect(within(row).getByText('2 nu, 1 har lämnat')).toBeInTheDocument();
    expect(within(row).getByText('Offentlig sektor, Näringsliv')).toBeInTheDocument();
    // Creating is for staff (the API's WRITE_PARTICIPATIONS).
    expect(screen.queryByRole('link', { name: 'Nytt initiativ' })).not.toBeInTheDocument();
  });
});

function renderInitiative(mocks: MockLink.MockedResponse[], canWrite = true) {
  const onChanged = vi.fn();
  render(
    <MockedProvider mocks={[meetingPlaces, ...mocks]}>
      <MemoryRouter initialEntries={['/initiatives/i1']}>
        <InitiativeView initiative={initiative} canWrite={canWrite} onChanged={onChanged} />
      </MemoryRouter>
    </MockedProvider>,
  );
  return { onChanged };
}

describe('an initiative’s members', () => {
  it('lists current and former members apart, with their dates and links', () => {
    renderInitiative([], false);
    const current = screen.getByRole('table', { name: 'Nuvarande medlemmar i Vätgas i inlandet' });
    const former = screen.getByRole('table', { name: 'Tidigare medlemmar i Vätgas i inlandet' });
    expect(within(current).getByRole('link', { name: 'Anna Berg' })).toHaveAttribute('href', '/actors/a-m1');
    expect(within(former).getByText('Medlem, 1 februari 2026 – 1 mars 2026')).toBeInTheDocument();
    expect(within(current).getByText('Ledare sedan 1 februari 2026')).toBeInTheDocument();
    expect(within(current).queryByText('Per Ek')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lägg till medlem' })).not.toBeInTheDocument();
  });

  it('adds a member found by name', { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    const { onChanged } = renderInitiative([
      {
        request: { query: InitiativeActorOptionsQuery, variables: { search: 'Ols' } },
        result: {
          data: {
            actors: {
              __typename: 'ActorConnection',
              edges: [
                {
                  __typename: 'ActorEdge',
                  node: {
                    __typename: 'Actor',
                    id: 'a9',
                    name: 'Olsson Energi AB',
                    kind: 'ORGANISATION',
                    organisation: null,
                  },
                },
              ],
            },
          },
        },
      },
      {
        request: {
          query: JoinInitiativeMutation,
          variables: {
            input: { initiativeId: 'i1', actorId: 'a9', role: 'PARTNER', joinedOn: todayInStockholm() },
          },
        },
        result: {
          data: {
            joinInitiative: {
              __typename: 'InitiativeMembership',
              id: 'm9',
              role: 'PARTNER',
              joinedOn: todayInStockholm(),
              leftOn: null,
            },
          },
        },
      },
    ]);
    await user.click(screen.getByRole('button', { name: 'Lägg till medlem' }));
    const dialog = await screen.findByRole('dialog', { name: 'Lägg till medlem i Vätgas i inlandet' });
    await user.type(within(dialog).getByRole('combobox', { name: 'Aktör' }), 'Ols');
    await user.click(await screen.findByRole('option', { name: /Olsson Energi AB/ }));
    await user.click(within(dialog).getByRole('button', { name: /Roll/ }));
    await user.click(await screen.findByRole('option', { name: 'Partner' }));
    await user.click(within(dialog).getByRole('button', { name: 'Lägg till' }));

    expect(await screen.findByText(/Olsson Energi AB är medlem i Vätgas i inlandet\./)).toBeInTheDocument();
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it('ends a membership after asking for the last day', async () => {
    const user = userEvent.setup();
    const { onChanged } = renderInitiative([
      {
        request: {
          query: LeaveInitiativeMutation,
          variables: { input: { initiativeId: 'i1', actorId: 'a-m1', leftOn: todayInStockholm() } },
        },
        result: {
          data: {
            leaveInitiative: {
              __typename: 'InitiativeMembership',
              id: 'm1',
              role: 'LEAD',
              joinedOn: '2026-02-01',
              leftOn: todayInStockholm(),
            },
          },
        },
      },
    ]);
    // Only current members can leave; each button names whose membership it ends.
    expect(screen.queryByRole('button', { name: 'Avsluta medlemskap för Per Ek' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Avsluta medlemskap för Anna Berg' }));
    const dialog = await screen.findByRole('dialog', { name: 'Avsluta medlemskap' });
    expect(within(dialog).getByText(/Anna Berg lämnar Vätgas i inlandet\./)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Avsluta medlemskapet' }));
    expect(await screen.findByText(/Anna Berg har lämnat Vätgas i inlandet\./)).toBeInTheDocument();
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it('shows a refused last day at the date field', async () => {
    const user = userEvent.setup();
    const { onChanged } = renderInitiative([
      {
        request: {
          query: LeaveInitiativeMutation,
          variables: { input: { initiativeId: 'i1', actorId: 'a-m1', leftOn: todayInStockholm() } },
        },
        result: {
          errors: [
            new GraphQLError('must not be before joinedOn', {
              extensions: { code: 'BAD_USER_INPUT', field: 'leftOn' },
            }),
          ],
        },
      },
    ]);
    await user.click(screen.getByRole('button', { name: 'Avsluta medlemskap för Anna Berg' }));
    const dialog = await screen.findByRole('dialog', { name: 'Avsluta medlemskap' });
    await user.click(within(dialog).getByRole('button', { name: 'Avsluta medlemskapet' }));
    expect(
      await within(dialog).findByText('Slutdatumet kan inte vara före datumet då medlemskapet började.'),
    ).toBeInTheDocument();
    expect(onChanged).not.toHaveBeenCalled();
  });
});

describe('a new initiative', () => {
  it('shows the API’s refusal at the field it names', { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    render(
      <MockedProvider
        mocks={[
          meetingPlaces,
          {
            request: {
              query: CreateInitiativeMutation,
              variables: {
                input: {
                  name: 'Vätgas',
                  kind: 'WORKING_GROUP',
                  startedOn: todayInStockholm(),
                  meetingPlace: null,
                  topics: ['energi'],
                },
              },
            },
            result: {
              errors: [
                new GraphQLError('each topic must be at most 80 characters', {
                  extensions: { code: 'BAD_USER_INPUT', field: 'topics' },
                }),
              ],
            },
          },
        ]}
      >
        <MemoryRouter initialEntries={['/initiatives/new']}>
          <InitiativeFormPage />
        </MemoryRouter>
      </MockedProvider>,
    );
    await user.type(screen.getByRole('textbox', { name: 'Namn' }), 'Vätgas');
    await user.click(screen.getByRole('button', { name: /Typ/ }));
    await user.click(await screen.findByRole('option', { name: 'Arbetsgrupp' }));
    await user.type(screen.getByRole('textbox', { name: 'Ämnen' }), 'energi');
    await user.click(screen.getByRole('button', { name: 'Skapa initiativet' }));

    const topics = screen.getByRole('textbox', { name: 'Ämnen' });
    expect(await screen.findByText('Högst 20 ämnen, vart och ett högst 80 tecken.')).toBeInTheDocument();
    expect(topics).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Initiativet kunde inte sparas. Se felen vid fälten.',
    );
  });

  it('asks for the name and the kind before sending anything', async () => {
    const user = userEvent.setup();
    render(
      <MockedProvider mocks={[meetingPlaces]}>
        <MemoryRouter initialEntries={['/initiatives/new']}>
          <InitiativeFormPage />
        </MemoryRouter>
      </MockedProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Skapa initiativet' }));
    expect(await screen.findByText('Fyll i namn.')).toBeInTheDocument();
    expect(screen.getByText('Välj en typ.')).toBeInTheDocument();
  });
});
