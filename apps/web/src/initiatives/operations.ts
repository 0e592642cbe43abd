import { graphql } from '../gql';

export const InitiativeListQuery = graphql(`
  query InitiativeList($filter: InitiativeFilterInput, $first: Int, $after: String) {
    initiatives(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          kind
          meetingPlace
          startedOn
          sectors
          members(first: 100) {
            totalCount
            edges {
              node {
                id
                leftOn
              }
            }
          }
        }
      }
    }
  }
`);

export const InitiativeDetailQuery = graphql(`
  query InitiativeDetail($id: ID!, $first: Int!, $after: String) {
    initiative(id: $id) {
      id
      name
      kind
      meetingPlace
      startedOn
      topics
      sectors
      members(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            role
            joinedOn
            leftOn
            actor {
              id
              name
              kind
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

/** Initiatives whose name has the search text (the ComboBox on the actor page). */
export const InitiativeOptionsQuery = graphql(`
  query InitiativeOptions($search: String) {
    initiatives(filter: { search: $search }, first: 20) {
      edges {
        node {
          id
          name
          kind
        }
      }
    }
  }
`);

/** Actors whose name or email has the search text (the ComboBox on the initiative page). */
export const InitiativeActorOptionsQuery = graphql(`
  query InitiativeActorOptions($search: String) {
    actors(filter: { search: $search }, first: 20) {
      edges {
        node {
          id
          name
          kind
          organisation {
            id
            name
          }
        }
      }
    }
  }
`);

export const CreateInitiativeMutation = graphql(`
  mutation CreateInitiative($input: CreateInitiativeInput!) {
    createInitiative(input: $input) {
      id
      name
    }
  }
`);

export const JoinInitiativeMutation = graphql(`
  mutation JoinInitiative($input: JoinInitiativeInput!) {
    joinInitiative(input: $input) {
      id
      role
      joinedOn
      leftOn
    }
  }
`);

export const LeaveInitiativeMutation = graphql(`
  mutation LeaveInitiative($input: LeaveInitiativeInput!) {
    leaveInitiative(input: $input) {
      id
      role
      joinedOn
      leftOn
    }
  }
`);
