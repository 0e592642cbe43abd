import { graphql } from '../gql';

// The actor page's "Dataskydd" section (ADMIN): the person's restriction and anonymisation, their
// unexpired register extracts, and the latest reads of their data from the access log.
export const ActorDataProtectionQuery = graphql(`
  query ActorDataProtection($id: ID!, $accessFirst: Int!) {
    actor(id: $id) {
      id
      restricted
      restriction {
        restrictedAt
        reason
      }
      anonymisedAt
    }
    personalDataExports(actorId: $id) {
      ...PersonalDataExportFields
    }
    accessLog(actorId: $id, first: $accessFirst) {
      ...ActorAccessLogFields
    }
  }
`);

export const PersonalDataExportFields = graphql(`
  fragment PersonalDataExportFields on PersonalDataExport {
    id
    createdAt
    expiresAt
    jsonUrl
    pdfUrl
  }
`);

export const ActorAccessLogFields = graphql(`
  fragment ActorAccessLogFields on AccessLogEntryConnection {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        at
        operation
        user {
          id
          name
        }
      }
    }
  }
`);

/** More of the access log about the person ("Visa fler"), merged into ActorDataProtection's answer. */
export const ActorAccessLogQuery = graphql(`
  query ActorAccessLog($id: ID!, $first: Int!, $after: String) {
    accessLog(actorId: $id, first: $first, after: $after) {
      ...ActorAccessLogFields
    }
  }
`);

export const PersonalDataExportMutation = graphql(`
  mutation PersonalDataExport($actorId: ID!) {
    personalDataExport(actorId: $actorId) {
      ...PersonalDataExportFields
    }
  }
`);

/** The actor's own fields come back too, so the page above the section shows the change at once. */
export const RestrictProcessingMutation = graphql(`
  mutation RestrictProcessing($actorId: ID!, $reason: String!) {
    restrictProcessing(actorId: $actorId, reason: $reason) {
      id
      restricted
      restriction {
        restrictedAt
        reason
      }
    }
  }
`);

export const LiftRestrictionMutation = graphql(`
  mutation LiftRestriction($actorId: ID!) {
    liftRestriction(actorId: $actorId) {
      id
      restricted
      restriction {
        restrictedAt
        reason
      }
    }
  }
`);

export const AnonymiseActorMutation = graphql(`
  mutation AnonymiseActor($actorId: ID!, $reason: String!) {
    anonymiseActor(actorId: $actorId, reason: $reason) {
      ...ActorDetailFields
      restricted
      restriction {
        restrictedAt
        reason
      }
      anonymisedAt
    }
  }
`);

export const DeleteActorMutation = graphql(`
  mutation DeleteActor($actorId: ID!, $reason: String!) {
    deleteActor(actorId: $actorId, reason: $reason)
  }
`);

// The page /admin/dataskydd (ADMIN): retention rules, their preview and runs, restricted persons,
// and the weekly follow-up of the access log.
export const RetentionRuleFields = graphql(`
  fragment RetentionRuleFields on RetentionRule {
    code
    description
    keepAmount
    keepUnit
    requiresDecision
    decisionReference
    enabled
    updatedAt
  }
`);

export const RetentionRulesQuery = graphql(`
  query RetentionRules {
    retentionRules {
      ...RetentionRuleFields
    }
  }
`);

/** Asked apart from the rules: it may time out (PREVIEW_TIMEOUT), and the rules still show. */
export const RetentionPreviewQuery = graphql(`
  query RetentionPreview {
    retentionPreview {
      count
      rule {
        code
      }
    }
  }
`);

export const RetentionRunFields = graphql(`
  fragment RetentionRunFields on RetentionRun {
    id
    trigger
    asOf
    status
    startedAt
    finishedAt
    error
    counts {
      code
      count
      decisionReference
    }
  }
`);

export const RetentionRunsQuery = graphql(`
  query RetentionRuns($first: Int) {
    retentionRuns(first: $first) {
      ...RetentionRunFields
    }
  }
`);

export const UpdateRetentionRuleMutation = graphql(`
  mutation UpdateRetentionRule($input: UpdateRetentionRuleInput!) {
    updateRetentionRule(input: $input) {
      ...RetentionRuleFields
    }
  }
`);

export const RunRetentionMutation = graphql(`
  mutation RunRetention {
    runRetention {
      ...RetentionRunFields
    }
  }
`);

export const RestrictedPersonsQuery = graphql(`
  query RestrictedPersons($first: Int!, $after: String) {
    actors(filter: { restricted: true }, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          restriction {
            restrictedAt
          }
          lastActivityOn
        }
      }
    }
  }
`);

export const AccessLogSummariesQuery = graphql(`
  query AccessLogSummaries($first: Int) {
    accessLogSummaries(first: $first) {
      weekStart
      computedAt
      reads
      users
      flaggedUsers
      perUser {
        reads
        persons
        baselineMedian
        flagged
        user {
          id
          name
        }
      }
    }
  }
`);
