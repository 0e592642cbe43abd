import { Role, Sector } from '@crm/domain';
import { TestApi } from './api';

let sequence = 0;
const next = () => `${Date.now().toString(36)}${(sequence += 1)}`;

/** Test data made through the real API, so every factory row passed the same validation users hit. */
export class Factory {
  constructor(private readonly api: TestApi) {}

  async organisation(overrides: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
    const data = await this.api.ok(
      `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name } }`,
      {
        input: {
          name: `Organisation ${next()}`,
          sector: Sector.BUSINESS,
          municipalityCode: '2480',
          ...overrides,
        },
      },
    );
    return data.createOrganisation;
  }

  async person(
    overrides: Record<string, unknown> = {},
  ): Promise<{ id: string; name: string; email: string | null }> {
    const id = next();
    const data = await this.api.ok(
      `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id name email } }`,
      {
        input: {
          name: `Person ${id}`,
          email: `person.${id}@example.se`,
          sector: Sector.ACADEMIA,
          ...overrides,
        },
      },
    );
    return data.createPerson;
  }

  async event(overrides: Record<string, unknown> = {}): Promise<{ id: string; title: string }> {
    const data = await this.api.ok(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id title } }`,
      {
        input: {
          meetingPlace: 'MOTESPLATS_LYCKSELE',
          title: `Seminarium ${next()}`,
          startsAt: '2026-05-12T08:00:00.000Z',
          endsAt: '2026-05-12T12:00:00.000Z',
          ...overrides,
        },
      },
    );
    return data.createEvent;
  }

  async user(role: Role): Promise<string> {
    const id = next();
    const data = await this.api.ok(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { token } }`,
      { input: { name: `User ${id}`, email: `user.${id}@region.example`, role } },
    );
    return data.createUser.token;
  }
}
