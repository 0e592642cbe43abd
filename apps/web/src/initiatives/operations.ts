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

/** A membership's own fields (the initiative page, the actor page, and what join and leave return). */
export const InitiativeMembershipFields = graphql(`
  fragment InitiativeMembershipFields on InitiativeMembership {
    id
    role
    joinedOn
    leftOn
  }
`);

/** An actor as the initiative pages name it: the name, and the organisation or else the kind. */
export const InitiativeActorFields = graphql(`
  fragment InitiativeActorFields on Actor {
    id
    name
    kind
    organisation {
      id
      name
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
            ...InitiativeMembershipFields
            actor {
              ...InitiativeActorFields
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
          ...InitiativeActorFields
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
      ...InitiativeMembershipFields
    }
  }
`);

export const LeaveInitiativeMutation = graphql(`
  mutation LeaveInitiative($input: LeaveInitiativeInput!) {
    leaveInitiative(input: $input) {
      ...InitiativeMembershipFields
    }
  }
`);
