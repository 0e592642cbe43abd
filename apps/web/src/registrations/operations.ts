import { graphql } from '../gql';

export const RegistrationImportQuery = graphql(`
  query RegistrationImport($id: ID!) {
    registrationImport(id: $id) {
      id
      eventId
      fileName
      status
      createdAt
      finishedAt
      rows
      createdParticipations
      updatedParticipations
      matchedActors
      createdActors
      error
      ignoredColumns
      rejected {
        line
        reason
      }
    }
  }
`);

export const ImportEventQuery = graphql(`
  query ImportEvent($id: ID!) {
    event(id: $id) {
      id
      title
      startsAt
    }
  }
`);

export const RegistrationImportsQuery = graphql(`
  query RegistrationImports($eventId: ID!) {
    registrationImports(eventId: $eventId) {
      id
      fileName
      status
      createdAt
      createdParticipations
      updatedParticipations
      rejectedCount
    }
  }
`);
