// The badges' query asks for Participation.checkInCode, which the API is getting in a parallel change.
// Until apps/api/schema.graphql has the field, codegen (which checks every graphql() document against
// the schema) cannot type this query, so it is parsed here from a plain string with its type written
// by hand. When the field is in the schema: move the text into graphql(`…`), regenerate, and use the
// generated EventBadgesQuery types instead of the interfaces below.
import type { TypedDocumentNode } from '@apollo/client';
import { parse } from 'graphql';
import type { ParticipationStatus } from '../gql/graphql';

export interface BadgeParticipant {
  id: string;
  status: ParticipationStatus;
  checkInCode: string;
  actor: { id: string; name: string; organisation?: { id: string; name: string } | null };
}

export interface EventBadgesData {
  event?: {
    id: string;
    title: string;
    startsAt: string;
    participants: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor?: string | null };
      edges: { node: BadgeParticipant }[];
    };
  } | null;
}

export interface EventBadgesVariables {
  id: string;
  first?: number | null;
  after?: string | null;
}

const EVENT_BADGES = `
  query EventBadges($id: ID!, $first: Int, $after: String) {
    event(id: $id) {
      id
      title
      startsAt
      participants(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            status
            checkInCode
            actor {
              id
              name
              organisation {
                id
                name
              }
            }
          }
        }
      }
    }
  }
`;

export const EventBadgesQuery: TypedDocumentNode<EventBadgesData, EventBadgesVariables> = parse(EVENT_BADGES);
