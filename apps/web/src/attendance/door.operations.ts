// The door's GraphQL operations (typed by codegen: `npx graphql-codegen --config apps/web/codegen.ts`).
import { graphql } from '../gql';

export const DoorParticipationFields = graphql(`
  fragment DoorParticipationFields on Participation {
    id
    role
    status
    checkedInAt
    checkInCode
    actor {
      id
      name
      email
      organisation {
        id
        name
      }
    }
  }
`);

export const DoorEventQuery = graphql(`
  query DoorEvent($id: ID!) {
    event(id: $id) {
      id
      title
      startsAt
      endsAt
    }
  }
`);

export const DoorParticipantsQuery = graphql(`
  query DoorParticipants($id: ID!, $first: Int!, $after: String) {
    event(id: $id) {
      id
      participants(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...DoorParticipationFields
          }
        }
      }
    }
  }
`);

export const CheckInSearchQuery = graphql(`
  query DoorCheckInSearch($eventId: ID!, $query: String!) {
    checkInSearch(eventId: $eventId, query: $query) {
      ...DoorParticipationFields
    }
  }
`);

export const DoorAttendanceQuery = graphql(`
  query DoorAttendance($eventId: ID!) {
    eventAttendance(eventId: $eventId) {
      registered
      attended
      walkIns
    }
  }
`);

export const DoorAttendanceSubscription = graphql(`
  subscription DoorAttendanceChanged($eventId: ID!) {
    eventAttendanceChanged(eventId: $eventId) {
      registered
      attended
      walkIns
    }
  }
`);

export const CheckInMutation = graphql(`
  mutation DoorCheckIn($input: CheckInInput!) {
    checkIn(input: $input) {
      ...DoorParticipationFields
    }
  }
`);

export const CheckInByCodeMutation = graphql(`
  mutation DoorCheckInByCode($eventId: ID!, $code: String!, $idempotencyKey: ID, $occurredAt: DateTime) {
    checkInByCode(eventId: $eventId, code: $code, idempotencyKey: $idempotencyKey, occurredAt: $occurredAt) {
      ...DoorParticipationFields
    }
  }
`);

export const UndoCheckInMutation = graphql(`
  mutation DoorUndoCheckIn($input: CheckInInput!) {
    undoCheckIn(input: $input) {
      ...DoorParticipationFields
    }
  }
`);

export const WalkInMutation = graphql(`
  mutation DoorWalkIn($eventId: ID!, $input: CreatePersonInput!, $idempotencyKey: ID, $occurredAt: DateTime) {
    walkIn(eventId: $eventId, input: $input, idempotencyKey: $idempotencyKey, occurredAt: $occurredAt) {
      ...DoorParticipationFields
    }
  }
`);

export const CreateOrganisationMutation = graphql(`
  mutation DoorCreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      id
      name
      sector
    }
  }
`);

export const DoorOrganisationsQuery = graphql(`
  query DoorOrganisations($search: String) {
    actors(first: 20, filter: { kind: ORGANISATION, search: $search }) {
      edges {
        node {
          id
          name
          sector
          municipality {
            code
            name
          }
        }
      }
    }
  }
`);

export const DoorMunicipalitiesQuery = graphql(`
  query DoorMunicipalities {
    municipalities {
      code
      name
      countyCode
      county
    }
  }
`);
