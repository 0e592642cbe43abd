import { MockedProvider } from '@apollo/client/testing/react';
import { act, configure, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import { cacheParticipants } from './door-db';
import { participant, resetDoorDb } from './door-test-utils';
import {
  CheckInByCodeMutation,
  CheckInMutation,
  CheckInSearchQuery,
  DoorAttendanceQuery,
  DoorAttendanceSubscription,
  DoorEventQuery,
  DoorParticipantsQuery,
  UndoCheckInMutation,
} from './door.operations';
import { DoorPage } from './DoorPage';

const EVENT = 'e1';
const CODE = 'VB-7K3M-9QXD-2HTR';

function node(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Participation',
    id: 'p1',
    role: 'AUDIENCE',
    status: 'REGISTERED',
    checkedInAt: null,
    checkInCode: CODE,
    actor: {
      __typename: 'Actor',
      id: 'a1',
      name: 'Anna Andersson',
      email: 'anna@example.se',
      organisation: { __typename: 'Actor', id: 'o1', name: 'Umeå kommun' },
    },
    ...overrides,
  };
}

const attended = node({ status: 'ATTENDED', checkedInAt: '2026-03-05T08:14:00.000Z' });
const counts = { __typename: 'EventAttendance', registered: 2013, attended: 41, walkIns: 3 };

function baseMocks(): MockLink.MockedResponse[] {
  return [
    {
      request: { query: DoorEventQuery, variables: { id: EVENT } },
      result: {
        data: {
          event: {
            __typename: 'Event',
            id: EVENT,
            title: 'Frukostmöte',
            startsAt: '2026-03-05T07:00:00Z',
            endsAt: null,
          },
        },
      },
      maxUsageCount: Infinity,
    },
    {
      request: { query: DoorParticipantsQuery, variables: { id: EVENT, first: 500, after: null } },
      result: {
        data: {
          event: {
            __typename: 'Event',
            id: EVENT,
            participants: {
              __typename: 'ParticipationConnection',
              totalCount: 1,
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
              edges: [{ __typename: 'ParticipationEdge', node: node() }],
            },
          },
        },
      },
      maxUsageCount: Infinity,
    },
    {
      request: { query: DoorAttendanceSubscription, variables: { eventId: EVENT } },
      result: { data: { eventAttendanceChanged: counts } },
      maxUsageCount: Infinity,
    },
    {
      request: { query: DoorAttendanceQuery, variables: { eventId: EVENT } },
      result: { data: { eventAttendance: counts } },
      maxUsageCount: Infinity,
    },
  ];
}

const checkInMock = (): MockLink.MockedResponse => ({
  request: {
    query: CheckInMutation,
    variables: (v: Record<string, { actorId?: string; idempotencyKey?: string; occurredAt?: string }>) =>
      v.input.actorId === 'a1' && Boolean(v.input.idempotencyKey) && Boolean(v.input.occurredAt),
  },
  result: { data: { checkIn: attended } },
});

let userId = 0;

function renderDoor(mocks: MockLink.MockedResponse[]) {
  // A user of its own for each test: a queue left by an earlier test is never this one's.
  userId += 1;
  return render(
    <MockedProvider mocks={[...baseMocks(), ...mocks]}>
      <DoorPage eventId={EVENT} userId={`u${userId}`} />
    </MockedProvider>,
  );
}

/** The result list (its data-source says whose answer it shows). */
const results = () => document.querySelector('ul.door__results');

function setOnline(online: boolean) {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online });
}

// IndexedDB (fake-indexeddb) and the 150 ms search pause make the door slower than a plain form.
configure({ asyncUtilTimeout: 4000 });

beforeEach(async () => {
  setOnline(true);
  await resetDoorDb();
});

describe('the door', () => {
  it('searches, checks in with one tap, shows the time and offers undo', async () => {
    const user = userEvent.setup();
    renderDoor([
      {
        request: { query: CheckInSearchQuery, variables: { eventId: EVENT, query: 'anna' } },
        result: { data: { checkInSearch: [node()] } },
      },
      checkInMock(),
      {
        request: {
          query: UndoCheckInMutation,
          variables: (v: Record<string, { actorId?: string }>) => v.input.actorId === 'a1',
        },
        result: { data: { undoCheckIn: node() } },
      },
    ]);

    await user.type(screen.getByRole('searchbox', { name: 'Sök deltagare' }), 'anna');
    expect(await screen.findByText('1 träff')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Checka in Anna Andersson' }));

    expect(await screen.findByText('Incheckad 09:14')).toBeInTheDocument();
    expect(screen.getByText('Anna Andersson är incheckad', { exact: false })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ångra' }));

    expect(await screen.findByRole('button', { name: 'Checka in Anna Andersson' })).toBeInTheDocument();
    expect(screen.queryByText('Incheckad 09:14')).not.toBeInTheDocument();
    expect(await screen.findByText('Allt synkat')).toBeInTheDocument();
  });

  it('answers each keystroke from the device’s list at once, then shows the server’s fresher rows', async () => {
    const user = userEvent.setup();
    const newcomer = node({
      id: 'p9',
      checkInCode: null,
      actor: { __typename: 'Actor', id: 'a9', name: 'Anneli Nilsson', email: null, organisation: null },
    });
    renderDoor([
      {
        request: { query: CheckInSearchQuery, variables: { eventId: EVENT, query: 'ann' } },
        // Checked in at another door, and someone registered after the list was saved.
        result: { data: { checkInSearch: [attended, newcomer] } },
        delay: 300,
      },
      {
        request: { query: CheckInSearchQuery, variables: { eventId: EVENT, query: 'annel' } },
        result: { data: { checkInSearch: [newcomer] } },
        delay: 300,
      },
    ]);
    expect(
      await screen.findByText('Deltagarlistan finns sparad på enheten (1 personer).'),
    ).toBeInTheDocument();
    const box = screen.getByRole('searchbox', { name: 'Sök deltagare' });

    await user.type(box, 'ann');
    // Before the pause and the server: the device's answer.
    expect(screen.getByText('1 träff')).toBeInTheDocument();
    expect(results()).toHaveAttribute('data-source', 'cache');
    expect(screen.getByRole('button', { name: 'Checka in Anna Andersson' })).toBeInTheDocument();

    expect(await screen.findByText('2 träffar')).toBeInTheDocument();
    expect(screen.getByText('Incheckad 09:14')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Checka in Anneli Nilsson' })).toBeInTheDocument();
    expect(
      screen.queryByText('Sökningen görs i listan som finns sparad på enheten.'),
    ).not.toBeInTheDocument();

    // The newcomer is now in the device's list: found at once.
    await user.type(box, 'el');
    expect(screen.getByText('1 träff')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Checka in Anneli Nilsson' })).toBeInTheDocument();
    await waitFor(() => expect(results()).toHaveAttribute('data-source', 'server'));
  });

  it('shows the live counts', async () => {
    renderDoor([]);
    expect(await screen.findByText('Anmälda: 2 013')).toBeInTheDocument();
    expect(screen.getByText('Incheckade: 41')).toBeInTheDocument();
    expect(screen.getByText('Nya på plats: 3')).toBeInTheDocument();
  });

  it('checks in a scanned code followed by Enter', async () => {
    const user = userEvent.setup();
    renderDoor([
      {
        request: { query: CheckInByCodeMutation, variables: (v: Record<string, unknown>) => v.code === CODE },
        result: { data: { checkInByCode: attended } },
      },
    ]);
    // A hand scanner types the whole code at once and presses Enter.
    await user.click(screen.getByRole('searchbox', { name: 'Sök deltagare' }));
    await user.paste('vb7k3m9qxd2htr');
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Incheckad 09:14')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ångra' })).toBeInTheDocument();
  });

  it('refuses an unknown code with a Swedish error and checks no one in', async () => {
    const user = userEvent.setup();
    renderDoor([
      {
        request: {
          query: CheckInByCodeMutation,
          variables: (v: Record<string, unknown>) => v.code === 'VB-0000-0000-0000',
        },
        result: {
          errors: [{ message: 'unknown code', extensions: { code: 'BAD_USER_INPUT', field: 'code' } }],
        },
      },
    ]);
    await user.click(screen.getByRole('searchbox', { name: 'Sök deltagare' }));
    await user.paste('VB-0000-0000-0000');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Koden VB-0000-0000-0000 hittades inte för det här evenemanget. Ingen har checkats in.',
    );
    expect(screen.queryByText(/^Incheckad \d\d:\d\d$/)).not.toBeInTheDocument();
  });

  it('offline: searches the device’s list, queues the tap, and syncs when the connection returns', async () => {
    await cacheParticipants(EVENT, [
      participant({
        id: 'p1',
        actorId: 'a1',
        name: 'Anna Andersson',
        organisation: 'Umeå kommun',
        checkInCode: CODE,
      }),
      participant({ id: 'p2', actorId: 'a2', name: 'Bertil Berg' }),
    ]);
    setOnline(false);
    const user = userEvent.setup();
    renderDoor([checkInMock()]);

    await user.type(screen.getByRole('searchbox', { name: 'Sök deltagare' }), 'umea');
    expect(await screen.findByText('1 träff')).toBeInTheDocument();
    expect(screen.getByText('Sökningen görs i listan som finns sparad på enheten.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Checka in Anna Andersson' }));

    expect(await screen.findByText('Offline – 1 incheckning väntar')).toBeInTheDocument();
    expect(screen.getByText('Väntar på att skickas')).toBeInTheDocument();

    setOnline(true);
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(await screen.findByText('Allt synkat')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('Incheckad 09:14')).toBeInTheDocument());
  });
});
