import { graphql } from '../gql';

/**
 * Engaged actors per municipality on a day: one bucket per municipality code with actors, and one per
 * country for actors without a municipality (SE: in Sweden, municipality unknown; others: abroad).
 */
export const MapDistributionQuery = graphql(`
  query MapDistribution($asOf: Date) {
    ladderDistribution(groupBy: MUNICIPALITY, asOf: $asOf) {
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
  }
`);
