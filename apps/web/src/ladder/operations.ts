import { graphql } from '../gql';

/** The dashboard's first answer: the distribution and the movement, in one request. */
export const LadderDashboardQuery = graphql(`
  query LadderDashboard(
    $asOf: Date!
    $groupBy: LadderGrouping!
    $filter: LadderFilterInput
    $movementFilter: LadderFilterInput
    $from: Date!
    $to: Date!
  ) {
    ladderDistribution(asOf: $asOf, groupBy: $groupBy, filter: $filter) {
      group
      label
      total
      suppressed
      steps {
        step
        count
        suppressed
      }
    }
    ladderMovement(filter: $movementFilter, from: $from, to: $to) {
      movedUp
      movedDown
      newlyEngaged
      noLongerEngaged
      passiveToActive
      unchanged
      suppressedFields
      transitions {
        from
        to
        count
        suppressed
      }
    }
  }
`);

/** The trend: eight quarter ends in one request (eight aggregates, well under the API's cost limit). */
export const LadderTrendQuery = graphql(`
  query LadderTrend(
    $filter: LadderFilterInput
    $q1: Date!
    $q2: Date!
    $q3: Date!
    $q4: Date!
    $q5: Date!
    $q6: Date!
    $q7: Date!
    $q8: Date!
  ) {
    q1: ladderDistribution(asOf: $q1, filter: $filter) {
      ...TrendBucket
    }
    q2: ladderDistribution(asOf: $q2, filter: $filter) {
      ...TrendBucket
    }
    q3: ladderDistribution(asOf: $q3, filter: $filter) {
      ...TrendBucket
    }
    q4: ladderDistribution(asOf: $q4, filter: $filter) {
      ...TrendBucket
    }
    q5: ladderDistribution(asOf: $q5, filter: $filter) {
      ...TrendBucket
    }
    q6: ladderDistribution(asOf: $q6, filter: $filter) {
      ...TrendBucket
    }
    q7: ladderDistribution(asOf: $q7, filter: $filter) {
      ...TrendBucket
    }
    q8: ladderDistribution(asOf: $q8, filter: $filter) {
      ...TrendBucket
    }
  }

  fragment TrendBucket on LadderBucket {
    total
    suppressed
    steps {
      step
      count
      suppressed
    }
  }
`);

/** The actors behind one cell of the movement matrix (not for the committee). */
export const LadderTransitionActorsQuery = graphql(`
  query LadderTransitionActors(
    $from: Date!
    $to: Date!
    $fromStep: LadderStep
    $toStep: LadderStep
    $filter: LadderFilterInput
    $first: Int
    $after: String
  ) {
    ladderTransitionActors(
      from: $from
      to: $to
      fromStep: $fromStep
      toStep: $toStep
      filter: $filter
      first: $first
      after: $after
    ) {
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

/**
 * The filters' choices: meeting places and Sweden's municipalities (the select offers the county's;
 * the others name a municipality the map links to from its whole-Sweden view).
 */
export const LadderChoicesQuery = graphql(`
  query LadderChoices {
    meetingPlaces {
      code
      name
    }
    municipalities {
      code
      name
      countyCode
    }
  }
`);
