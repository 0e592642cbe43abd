import { graphql } from '../gql';

/** A report version as the list shows it (and polls it while PENDING). */
export const ReportVersionFields = graphql(`
  fragment ReportVersionFields on QuarterlyReport {
    id
    year
    quarter
    version
    status
    generatedAt
    pdfUrl
    xlsxUrl
    error
  }
`);

/** The year's versions, light: enough for the list and for polling a PENDING version. */
export const QuarterlyReportsQuery = graphql(`
  query QuarterlyReports($year: Int!) {
    quarterlyReports(year: $year) {
      ...ReportVersionFields
    }
  }
`);

/** Which of the given years have any report (the year selector offers those). */
export const ReportYearsQuery = graphql(`
  query ReportYears($y1: Int!, $y2: Int!, $y3: Int!, $y4: Int!, $y5: Int!) {
    y1: quarterlyReports(year: $y1) {
      id
    }
    y2: quarterlyReports(year: $y2) {
      id
    }
    y3: quarterlyReports(year: $y3) {
      id
    }
    y4: quarterlyReports(year: $y4) {
      id
    }
    y5: quarterlyReports(year: $y5) {
      id
    }
  }
`);

/**
 * One version's frozen figures and what changed since the previous one. Organisations that reached
 * step 5 are named only for staff ($withNames); persons are never asked for, only their total.
 */
export const QuarterlyReportFiguresQuery = graphql(`
  query QuarterlyReportFigures($year: Int!, $quarter: Int!, $version: Int!, $withNames: Boolean!) {
    quarterlyReport(year: $year, quarter: $quarter, version: $version) {
      id
      year
      quarter
      version
      status
      generatedAt
      changes {
        whatSv
        before
        after
        suppressed
      }
      figures {
        disclosureMinCount
        periodStart
        periodEnd
        previousLabel
        yearEarlierLabel
        summary {
          engagedActors {
            ...ReportCompared
          }
          newActors {
            ...ReportCompared
          }
          movedUp {
            ...ReportCompared
          }
          movedDown {
            ...ReportCompared
          }
          passiveToActive {
            ...ReportCompared
          }
          largestChanges {
            textSv
          }
        }
        ladder {
          atEnd {
            ...ReportStep
          }
          atEndPreviousQuarter {
            ...ReportStep
          }
          atEndYearEarlier {
            ...ReportStep
          }
          history {
            label
            steps {
              ...ReportStep
            }
          }
          movement {
            from
            to
            count
            suppressed
          }
        }
        meetingPlaces {
          code
          nameSv
          eventsHeld {
            ...ReportCompared
          }
          attendance {
            ...ReportCompared
          }
          uniqueActors {
            ...ReportCompared
          }
          newActors {
            ...ReportCompared
          }
          ladderMix {
            ...ReportStep
          }
        }
        synergy {
          ...ReportCompared
        }
        sectors {
          sector
          labelSv
          engaged {
            ...ReportCompared
          }
          ladderMix {
            ...ReportStep
          }
        }
        crossSectorInitiatives {
          name
          kindSv
          sectors
          members
          suppressed
        }
        municipalities {
          code
          nameSv
          subRegion
          engaged {
            ...ReportCompared
          }
          participants {
            ...ReportCompared
          }
        }
        subRegions {
          code
          nameSv
          engaged {
            ...ReportCompared
          }
          participants {
            ...ReportCompared
          }
        }
        outsideCounty {
          engaged {
            ...ReportCompared
          }
          participants {
            ...ReportCompared
          }
        }
        unknownLocation {
          engaged {
            ...ReportCompared
          }
          participants {
            ...ReportCompared
          }
        }
        gender {
          participants {
            ...ReportGender
          }
          onStage {
            ...ReportGender
          }
          perMeetingPlace {
            code
            nameSv
            participants {
              ...ReportGender
            }
            onStage {
              ...ReportGender
            }
          }
          lastFourQuarters {
            label
            participants {
              ...ReportGender
            }
            onStage {
              ...ReportGender
            }
          }
        }
        reachedInfluence {
          kind
          descriptionSv @include(if: $withNames)
          reachedOn @include(if: $withNames)
          reasonSv @include(if: $withNames)
        }
        reachedInfluencePersons {
          total
          suppressed
        }
      }
    }
  }

  fragment ReportCompared on ComparedFigure {
    current
    previousQuarter
    yearEarlier
    suppressed
  }

  fragment ReportStep on StepCount {
    step
    count
    suppressed
  }

  fragment ReportGender on GenderCount {
    gender
    count
    suppressed
  }
`);

export const GenerateQuarterlyReportMutation = graphql(`
  mutation GenerateQuarterlyReport($year: Int!, $quarter: Int!) {
    generateQuarterlyReport(year: $year, quarter: $quarter) {
      ...ReportVersionFields
    }
  }
`);
