// The fields of two actors side by side, and which of them differ (compared ignoring case, accents
// and spacing, so "Umeå kommun" and "umea  kommun" count as the same).
import type { ComparedActorFragment } from '../gql/graphql';
import { formatDate, t, type MessageKey } from '../i18n/i18n';

export interface ComparedRow {
  field: MessageKey;
  a: string;
  b: string;
  /** null: shown for reference, not compared. */
  differs: boolean | null;
}

const normalise = (value: string) =>
  value
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

function values(actor: ComparedActorFragment): [MessageKey, string][] {
  const rows: [MessageKey, string][] = [
    ['duplicates.field.name', actor.name],
    ['duplicates.field.kind', t(`duplicates.kind.${actor.kind}`)],
  ];
  if (actor.kind === 'PERSON') {
    rows.push(
      ['duplicates.field.email', actor.email ?? ''],
      ['duplicates.field.title', actor.title ?? ''],
      ['duplicates.field.organisation', actor.organisation?.name ?? ''],
    );
  } else {
    rows.push(['duplicates.field.organisationNumber', actor.organisationNumber ?? '']);
  }
  rows.push(
    ['duplicates.field.sector', t(`duplicates.sector.${actor.sector}`)],
    ['duplicates.field.municipality', actor.municipality?.name ?? ''],
    ['duplicates.field.country', actor.country],
  );
  return rows;
}

/** The rows to show; `differs` when the two hold different values (the registration date is not compared). */
export function compareActors(a: ComparedActorFragment, b: ComparedActorFragment): ComparedRow[] {
  const left = new Map(values(a));
  const right = new Map(values(b));
  const fields = [...new Set([...left.keys(), ...right.keys()])];
  const rows: ComparedRow[] = fields.map((field) => {
    const va = left.get(field) ?? '';
    const vb = right.get(field) ?? '';
    return { field, a: va, b: vb, differs: normalise(va) !== normalise(vb) };
  });
  rows.push({
    field: 'duplicates.field.createdAt',
    a: formatDate(a.createdAt),
    b: formatDate(b.createdAt),
    differs: null,
  });
  return rows;
}
