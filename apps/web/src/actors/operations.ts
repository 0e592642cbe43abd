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

/** The actor's own fields: the form reads them, the actor page shows them, an update returns them. */
export const ActorDetailFields = graphql(`
  fragment ActorDetailFields on Actor {
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
`);

export const ActorQuery = graphql(`
  query Actor($id: ID!) {
    actor(id: $id) {
      ...ActorDetailFields
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
      ...ActorDetailFields
    }
  }
`);

// The actor page (`/actors/:id`): the ladder with its evidence, what the actor took part in, and for an
// organisation its people.
export const ActorPageReasonFields = graphql(`
  fragment ActorPageReasonFields on LadderReason {
    rule
    textSv
    occurredOn
    eventId
    initiativeId
    engagementId
    viaActorId
  }
`);

export const ActorPageParticipationFields = graphql(`
  fragment ActorPageParticipationFields on ParticipationConnection {
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
        event {
          id
          title
          startsAt
        }
      }
    }
  }
`);

export const ActorPageMemberFields = graphql(`
  fragment ActorPageMemberFields on ActorConnection {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        name
        title
        ladder {
          step
          label
          level
        }
      }
    }
  }
`);

export const ActorPageQuery = graphql(`
  query ActorPage($id: ID!, $participationsFirst: Int!, $membersFirst: Int!) {
    actor(id: $id) {
      ...ActorDetailFields
      anonymisedAt
      highestStep
      ladder {
        step
        label
        level
        since
        reasons {
          ...ActorPageReasonFields
        }
      }
      ladderHistory {
        effectiveOn
        from
        to
        reasons {
          ...ActorPageReasonFields
        }
      }
      initiatives {
        ...InitiativeMembershipFields
        initiative {
          id
          name
          kind
        }
      }
      engagements {
        id
        kind
        occurredOn
        note
        event {
          id
          title
        }
        initiative {
          id
          name
        }
      }
      participations(first: $participationsFirst) {
        ...ActorPageParticipationFields
      }
      members(first: $membersFirst) {
        ...ActorPageMemberFields
      }
    }
  }
`);

/** More of the actor's participations ("Visa fler"), merged into ActorPage's answer. */
export const ActorPageParticipationsQuery = graphql(`
  query ActorPageParticipations($id: ID!, $first: Int!, $after: String) {
    actor(id: $id) {
      id
      participations(first: $first, after: $after) {
        ...ActorPageParticipationFields
      }
    }
  }
`);

/** More of an organisation's people ("Visa fler"), merged into ActorPage's answer. */
export const ActorPageMembersQuery = graphql(`
  query ActorPageMembers($id: ID!, $first: Int!, $after: String) {
    actor(id: $id) {
      id
      members(first: $first, after: $after) {
        ...ActorPageMemberFields
      }
    }
  }
`);

/** Asked apart from ActorPage, so the page still shows if the field fails. */
export const ActorLastActivityQuery = graphql(`
  query ActorLastActivity($id: ID!) {
    actor(id: $id) {
      id
      lastActivityOn
    }
  }
`);

export const RecordEngagementMutation = graphql(`
  mutation RecordEngagement($input: RecordEngagementInput!) {
    recordEngagement(input: $input) {
      id
      kind
      occurredOn
    }
  }
`);

export const RemoveEngagementMutation = graphql(`
  mutation RemoveEngagement($id: ID!) {
    removeEngagement(id: $id)
  }
`);

export const ActorConsentsQuery = graphql(`
  query ActorConsents($id: ID!) {
    actor(id: $id) {
      id
      consentWithdrawn
      consents {
        id
        givenOn
        textVersion
        source
        withdrawnOn
      }
    }
  }
`);

export const RecordConsentMutation = graphql(`
  mutation RecordConsent($input: RecordConsentInput!) {
    recordConsent(input: $input) {
      id
    }
  }
`);

export const WithdrawConsentMutation = graphql(`
  mutation WithdrawConsent($input: WithdrawConsentInput!) {
    withdrawConsent(input: $input) {
      id
    }
  }
`);
