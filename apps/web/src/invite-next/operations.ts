import { graphql } from '../gql';

export const InviteNextActorsQuery = graphql(`
  query InviteNextActors($filter: ActorFilterInput, $first: Int, $after: String) {
    actors(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          name
          sector
          lastActivityOn
          organisation {
            id
            name
          }
          municipality {
            code
            name
          }
          ladder {
            step
            label
          }
        }
      }
    }
  }
`);

export const InviteNextMunicipalitiesQuery = graphql(`
  query InviteNextMunicipalities {
    municipalities(countyCode: "24") {
      code
      name
    }
  }
`);

export const SavedFiltersQuery = graphql(`
  query SavedFilters($page: SavedFilterPage!) {
    savedFilters(page: $page) {
      id
      name
      filter
      createdAt
    }
  }
`);

export const SaveFilterMutation = graphql(`
  mutation SaveFilter($input: SaveFilterInput!) {
    saveFilter(input: $input) {
      id
      name
      filter
      createdAt
    }
  }
`);

export const DeleteSavedFilterMutation = graphql(`
  mutation DeleteSavedFilter($id: ID!) {
    deleteSavedFilter(id: $id)
  }
`);
