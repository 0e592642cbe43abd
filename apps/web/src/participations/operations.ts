import { graphql } from '../gql';

export const EventWithParticipantsQuery = graphql(`
  query EventWithParticipants($id: ID!, $first: Int, $after: String) {
    event(id: $id) {
      id
      title
      startsAt
      endsAt
      meetingPlace
      format
      topics
      participants(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            role
            status
            source
            checkedInAt
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
        }
      }
    }
  }
`);

export const RegisterParticipationMutation = graphql(`
  mutation RegisterParticipation($input: RegisterParticipationInput!) {
    registerParticipation(input: $input) {
      id
      role
      status
      checkedInAt
    }
  }
`);

export const CancelParticipationMutation = graphql(`
  mutation CancelParticipation($input: CancelParticipationInput!) {
    cancelParticipation(input: $input) {
      id
      status
    }
  }
`);
