import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { MemoryRouter, Route, Routes } from 'react-router';
import { EventForm } from './EventFormPage';
import { CreateEventMutation, MeetingPlacesQuery } from './operations';

const meetingPlaces = {
  request: { query: MeetingPlacesQuery },
  result: {
    data: {
      meetingPlaces: [
        { __typename: 'MeetingPlace', code: 'GRAND_HOTEL', name: 'Grand Hotel', city: 'Stockholm' },
        {
          __typename: 'MeetingPlace',
          code: 'MOTESPLATS_LYCKSELE',
          name: 'Mötesplats Lycksele',
          city: 'Lycksele',
        },
      ],
    },
  },
};

/** 3 December 2026 is winter time in Stockholm (UTC+1): 09:00 is 08:00Z, 16:30 is 15:30Z. */
const expectedInput = {
  title: 'Vinterkonferens',
  meetingPlace: 'MOTESPLATS_LYCKSELE',
  startsAt: '2026-12-03T08:00:00.000Z',
  endsAt: '2026-12-03T15:30:00.000Z',
  format: null,
  attendanceMode: 'PHYSICAL',
  topics: ['energi', 'kompetens'],
  rusPriorities: [],
  description: null,
};

function renderForm(mocks: unknown[]) {
  return render(
    <MockedProvider mocks={[meetingPlaces, ...(mocks as never[])]}>
      <MemoryRouter initialEntries={['/events/new']}>
        <Routes>
          <Route path="/events/new" element={<EventForm />} />
          <Route path="/events/:id" element={<p>Evenemangssidan</p>} />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

async function fillIn() {
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: /Titel/ }), 'Vinterkonferens');
  await user.click(await screen.findByRole('button', { name: /Mötesplats/ }));
  await user.click(await screen.findByRole('option', { name: 'Mötesplats Lycksele' }));
  fireEvent.change(screen.getByLabelText(/Datum/), { target: { value: '2026-12-03' } });
  fireEvent.change(screen.getByLabelText(/Starttid/), { target: { value: '09:00' } });
  fireEvent.change(screen.getByLabelText(/Sluttid/), { target: { value: '16:30' } });
  await user.type(screen.getByRole('textbox', { name: /Ämnen/ }), 'energi, kompetens');
  await user.click(screen.getByRole('button', { name: 'Skapa evenemanget' }));
}

describe('event form', () => {
  it('sends Stockholm wall-clock times as the right UTC instants when an event is created', async () => {
    renderForm([
      {
        request: { query: CreateEventMutation, variables: { input: expectedInput } },
        result: {
          data: {
            createEvent: {
              __typename: 'Event',
              id: '42',
              ...expectedInput,
              topics: expectedInput.topics,
            },
          },
        },
      },
    ]);
    await fillIn();
    expect(await screen.findByText('Evenemangssidan')).toBeInTheDocument();
  });

  it("shows the API's BAD_USER_INPUT error at the field it names", async () => {
    renderForm([
      {
        request: { query: CreateEventMutation, variables: { input: expectedInput } },
        result: {
          errors: [
            new GraphQLError('endsAt: must not be before startsAt', {
              extensions: { code: 'BAD_USER_INPUT', field: 'endsAt' },
            }),
          ],
        },
      },
    ]);
    await fillIn();
    const endTime = screen.getByLabelText(/Sluttid/);
    expect(await screen.findByText('Sluttiden kan inte vara före starttiden.')).toBeInTheDocument();
    expect(endTime).toHaveAttribute('aria-invalid', 'true');
    expect(endTime).toHaveAccessibleDescription(/Sluttiden kan inte vara före starttiden\./);
    // The summary at the top says where to look, the start time is not blamed.
    expect(screen.getByRole('alert')).toHaveTextContent('Se felen vid fälten');
    expect(
      within(screen.getByLabelText(/Starttid/).closest('.field') as HTMLElement).queryByText(/Sluttiden/),
    ).toBeNull();
  });
});
