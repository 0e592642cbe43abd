// An event's participants, every page of them: the API pages Event.participants (at most 500 a page)
// and offers no filter, so the page loads them all and filters on the device.
import { useQuery } from '@apollo/client/react';
import type { DocumentNode } from 'graphql';
import type { TypedDocumentNode } from '@apollo/client';
import { useEffect } from 'react';

export const PARTICIPANTS_PAGE = 500;

interface Page<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: { node: N }[];
}

export interface WithParticipants<N> {
  event?: ({ participants: Page<N> } & Record<string, unknown>) | null;
}

interface Vars {
  id: string;
  first?: number | null;
  after?: string | null;
}

export function useAllParticipants<D extends WithParticipants<N>, N>(
  query: TypedDocumentNode<D, Vars> | DocumentNode,
  eventId: string,
) {
  const result = useQuery(query as TypedDocumentNode<D, Vars>, {
    variables: { id: eventId, first: PARTICIPANTS_PAGE },
  });
  const { data, fetchMore } = result;
  const page = data?.event?.participants.pageInfo;
  const hasMore = Boolean(page?.hasNextPage && page.endCursor);

  useEffect(() => {
    if (!hasMore || !page?.endCursor) return;
    void fetchMore({
      variables: { after: page.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => {
        const before = previous.event;
        const next = fetchMoreResult.event;
        if (!before || !next) return previous as D;
        return {
          ...previous,
          event: {
            ...before,
            participants: {
              ...next.participants,
              edges: [...before.participants.edges, ...next.participants.edges],
            },
          },
        } as D;
      },
    });
  }, [hasMore, page?.endCursor, fetchMore]);

  return { ...result, complete: Boolean(data?.event) && !hasMore };
}
