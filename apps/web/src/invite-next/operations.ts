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

/** A saved filter as the list shows it, and as saving returns it. */
export const SavedFilterFields = graphql(`
  fragment SavedFilterFields on SavedFilter {
    id
    name
    filter
    createdAt
  }
`);

export const SavedFiltersQuery = graphql(`
  query SavedFilters($page: SavedFilterPage!) {
    savedFilters(page: $page) {
      ...SavedFilterFields
    }
  }
`);

export const SaveFilterMutation = graphql(`
  mutation SaveFilter($input: SaveFilterInput!) {
    saveFilter(input: $input) {
      ...SavedFilterFields
    }
  }
`);

export const DeleteSavedFilterMutation = graphql(`
  mutation DeleteSavedFilter($id: ID!) {
    deleteSavedFilter(id: $id)
  }
`);
