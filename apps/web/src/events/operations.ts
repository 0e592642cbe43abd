import { graphql } from '../gql';

export const MeetingPlacesQuery = graphql(`
  query MeetingPlaces {
    meetingPlaces {
      code
      name
      city
    }
  }
`);

export const EventsQuery = graphql(`
  query Events($filter: EventFilterInput, $first: Int, $after: String) {
    events(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          startsAt
          endsAt
          meetingPlace
          format
        }
      }
    }
  }
`);

export const EventForEditQuery = graphql(`
  query EventForEdit($id: ID!) {
    event(id: $id) {
      id
      title
      meetingPlace
      startsAt
      endsAt
      format
      attendanceMode
      topics
      rusPriorities
      description
    }
  }
`);

export const CreateEventMutation = graphql(`
  mutation CreateEvent($input: CreateEventInput!) {
    createEvent(input: $input) {
      id
      title
      meetingPlace
      startsAt
      endsAt
      format
      attendanceMode
      topics
      rusPriorities
      description
    }
  }
`);

export const UpdateEventMutation = graphql(`
  mutation UpdateEvent($id: ID!, $input: UpdateEventInput!) {
    updateEvent(id: $id, input: $input) {
      id
      title
      meetingPlace
      startsAt
      endsAt
      format
      attendanceMode
      topics
      rusPriorities
      description
    }
  }
`);
