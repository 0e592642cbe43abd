import { useState } from 'react';
import type { LadderDashboardQuery, LadderFilterInput, LadderStep } from '../gql/graphql';
import { formatDate, t, type MessageKey } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { stepLabel } from './labels';
import { buildMatrix, MATRIX_TO, type MatrixCell } from './matrix';
import { Count, ScrollTable } from './parts';
import { TransitionActorsDialog } from './TransitionActorsDialog';

type Movement = LadderDashboardQuery['ladderMovement'];

const FIGURES = [
  'movedUp',
  'movedDown',
  'newlyEngaged',
  'passiveToActive',
  'unchanged',
  'noLongerEngaged',
] as const;
type Figure = (typeof FIGURES)[number];

const HINTS: Partial<Record<Figure, MessageKey>> = {
  movedUp: 'ladder.movement.movedUpHint',
  movedDown: 'ladder.movement.movedDownHint',
  newlyEngaged: 'ladder.movement.newlyEngagedHint',
  passiveToActive: 'ladder.movement.passiveToActiveHint',
};

export const day = (date: string): string => formatDate(`${date}T12:00:00Z`);

/** The accessible name of a matrix cell's button: which actors it lists, distinct for every cell. */
export function cellButtonLabel(from: LadderStep | null, to: LadderStep | null, count: number): string {
  if (from !== null && from === to) {
    return count === 1
      ? t('ladder.matrix.showStayedOne', { step: stepLabel(from) })
      : t('ladder.matrix.showStayed', { count, step: stepLabel(from) });
  }
  return count === 1
    ? t('ladder.matrix.showOne', { from: stepLabel(from), to: stepLabel(to) })
    : t('ladder.matrix.show', { count, from: stepLabel(from), to: stepLabel(to) });
}

/** Section 2's figures and matrix (the period's pickers are the page's). */
export function MovementSection({
  movement,
  from,
  to,
  filter,
  canListActors,
}: {
  movement: Movement;
  from: string;
  to: string;
  filter: LadderFilterInput;
  /** Staff and strategists may open a cell; the committee sees numbers only. */
  canListActors: boolean;
}) {
  const [open, setOpen] = useState<MatrixCell | null>(null);
  const matrix = buildMatrix(movement.transitions);
  const suppressedFigures = new Set(movement.suppressedFields);
  const anySuppressed = suppressedFigures.size > 0 || movement.transitions.some((tr) => tr.suppressed);
  const caption = t('ladder.matrix.caption', { from: day(from), to: day(to) });

  return (
    <>
      <h3>{t('ladder.movement.figures')}</h3>
      <dl className="ladder-figures">
        {FIGURES.map((figure) => {
          const hint = HINTS[figure];
          return (
            <div key={figure} className="ladder-figure">
              <dt>{t(`ladder.movement.${figure}`)}</dt>
              <dd>
                <span className="ladder-figure__value">
                  <Count value={movement[figure]} suppressed={suppressedFigures.has(figure)} />
                </span>
                {hint ? <span className="ladder-figure__hint">{t(hint)}</span> : null}
              </dd>
            </div>
          );
        })}
      </dl>

      <p className="hint">
        {t('ladder.matrix.rowsHint', { from: day(from), to: day(to) })}{' '}
        {canListActors ? t('ladder.matrix.clickHint') : ''}
      </p>
      <ScrollTable caption={caption}>
        <table className="ladder-table ladder-matrix" data-testid="ladder-matrix">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <td className="ladder-matrix__corner">{t('ladder.matrix.corner')}</td>
              {MATRIX_TO.map((step) => (
                <th scope="col" key={step ?? 'none'} className="ladder-table__number">
                  {stepLabel(step)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.map((row) => (
              <tr key={row.from ?? 'none'}>
                <th scope="row">{stepLabel(row.from)}</th>
                {row.cells.map((cell) => (
                  <td
                    key={cell.to ?? 'none'}
                    className={[
                      'ladder-table__number',
                      cell.from !== null && cell.from === cell.to ? 'ladder-matrix__same' : '',
                    ]
                      .filter(Boolean)
                      .join(' ')}
                  >
                    {!cell.applicable ? (
                      <>
                        <span aria-hidden="true">·</span>
                        <span className="visually-hidden">{t('ladder.matrix.notApplicable')}</span>
                      </>
                    ) : canListActors && cell.count !== null && cell.count > 0 ? (
                      <Button
                        variant="quiet"
                        className="ladder-matrix__button"
                        aria-label={cellButtonLabel(cell.from, cell.to, cell.count)}
                        onPress={() => setOpen(cell)}
                      >
                        <Count value={cell.count} />
                      </Button>
                    ) : (
                      <Count value={cell.count} suppressed={cell.suppressed} />
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {anySuppressed ? <p className="hint">{t('ladder.suppressedExplanation')}</p> : null}
      {open && canListActors ? (
        <TransitionActorsDialog
          cell={open}
          from={from}
          to={to}
          filter={filter}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </>
  );
}
