import { graphql } from '../gql';

export const DuplicateCandidatesQuery = graphql(`
  query DuplicateCandidates($first: Int, $after: String) {
    duplicateCandidates(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          score
          reasons
          a {
            ...ComparedActor
          }
          b {
            ...ComparedActor
          }
        }
      }
    }
  }

  fragment ComparedActor on Actor {
    id
    kind
    name
    email
    title
    organisationNumber
    sector
    country
    createdAt
    organisation {
      id
      name
    }
    municipality {
      code
      name
    }
  }
`);

export const MergeActorsMutation = graphql(`
  mutation MergeActors($keepId: ID!, $mergeId: ID!) {
    mergeActors(keepId: $keepId, mergeId: $mergeId) {
      id
      name
    }
  }
`);

export const DismissDuplicateMutation = graphql(`
  mutation DismissDuplicate($id: ID!) {
    dismissDuplicate(id: $id)
  }
`);
