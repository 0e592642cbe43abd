import { graphql } from '../gql';

export const ActorsQuery = graphql(`
  query Actors($filter: ActorFilterInput, $first: Int, $after: String) {
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
          email
          sector
          organisation {
            id
            name
          }
          municipality {
            code
            name
          }
        }
      }
    }
  }
`);

export const OrganisationOptionsQuery = graphql(`
  query OrganisationOptions($search: String) {
    actors(filter: { kind: ORGANISATION, search: $search }, first: 20) {
      edges {
        node {
          id
          name
          municipality {
            code
            name
          }
        }
      }
    }
  }
`);

export const MunicipalitiesQuery = graphql(`
  query Municipalities {
    municipalities {
      code
      name
      county
    }
  }
`);

export const ActorQuery = graphql(`
  query Actor($id: ID!) {
    actor(id: $id) {
      id
      kind
      name
      email
      title
      gender
      legalBasis
      sector
      country
      organisationNumber
      createdAt
      updatedAt
      organisation {
        id
        name
      }
      municipality {
        code
        name
      }
    }
  }
`);

export const CreatePersonMutation = graphql(`
  mutation CreatePerson($input: CreatePersonInput!) {
    createPerson(input: $input) {
      id
    }
  }
`);

export const CreateOrganisationMutation = graphql(`
  mutation CreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      id
    }
  }
`);

export const UpdateActorMutation = graphql(`
  mutation UpdateActor($id: ID!, $input: UpdateActorInput!) {
    updateActor(id: $id, input: $input) {
      id
      kind
      name
      email
      title
      gender
      legalBasis
      sector
      country
      organisationNumber
      updatedAt
      organisation {
        id
        name
      }
      municipality {
        code
        name
      }
    }
  }
`);
