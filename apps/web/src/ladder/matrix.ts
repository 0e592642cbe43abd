import type { LadderStep } from '../gql/graphql';
import { STEPS } from '../actors/labels';

export interface TransitionLike {
  from?: LadderStep | null;
  to?: LadderStep | null;
  count?: number | null;
  suppressed: boolean;
}

export interface MatrixCell {
  from: LadderStep | null;
  to: LadderStep | null;
  /** null when withheld (suppressed) or when the cell cannot exist (not engaged to not engaged). */
  count: number | null;
  suppressed: boolean;
  /** false for not engaged → not engaged: nobody is counted there. */
  applicable: boolean;
}

export interface MatrixRow {
  from: LadderStep | null;
  cells: MatrixCell[];
}

/** Rows: not engaged, then the steps; columns: the steps, then not engaged. */
export const MATRIX_FROM: readonly (LadderStep | null)[] = [null, ...STEPS];
export const MATRIX_TO: readonly (LadderStep | null)[] = [...STEPS, null];

/**
 * The transition matrix from the API's list, which names only the pairs someone went between: every
 * other cell is 0. A withheld count stays null with `suppressed`.
 */
export function buildMatrix(transitions: readonly TransitionLike[]): MatrixRow[] {
  const key = (from: LadderStep | null | undefined, to: LadderStep | null | undefined) =>
    `${from ?? '-'}>${to ?? '-'}`;
  const found = new Map(transitions.map((tr) => [key(tr.from, tr.to), tr]));
  return MATRIX_FROM.map((from) => ({
    from,
    cells: MATRIX_TO.map((to) => {
      if (from === null && to === null)
        return { from, to, count: null, suppressed: false, applicable: false };
      const tr = found.get(key(from, to));
      if (!tr) return { from, to, count: 0, suppressed: false, applicable: true };
      return {
        from,
        to,
        count: tr.suppressed ? null : (tr.count ?? null),
        suppressed: tr.suppressed,
        applicable: true,
      };
    }),
  }));
}
