// The participant list as a CSV file for Excel: UTF-8 with a byte order mark (so Excel reads å, ä, ö),
// semicolons between fields (Swedish Excel's list separator, since the decimal comma is taken),
// CRLF line ends, and every text cell formula-safe (see libs/domain spreadsheet/cell-safety).
// The API has no export route, so the file is made here; XLSX would need a library or an API route.
import { csvLine } from '@crm/domain/spreadsheet/cell-safety';
import type { ParticipationRole, ParticipationSource, ParticipationStatus } from '../gql/graphql';
import { formatDateTime, t } from '../i18n/i18n';
import { roleLabel, sourceLabel, statusLabel } from './labels';

export const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';

export interface CsvParticipant {
  role: ParticipationRole;
  status: ParticipationStatus;
  source: ParticipationSource;
  checkedInAt?: string | null;
  actor: { name: string; email?: string | null; organisation?: { name: string } | null };
}

/** The file's text, byte order mark first. */
export function participantsCsv(participants: readonly CsvParticipant[]): string {
  const header = [
    t('participations.csv.name'),
    t('participations.csv.email'),
    t('participations.csv.organisation'),
    t('participations.csv.role'),
    t('participations.csv.status'),
    t('participations.csv.source'),
    t('participations.csv.checkedIn'),
  ];
  const rows = participants.map((p) => [
    p.actor.name,
    p.actor.email ?? '',
    p.actor.organisation?.name ?? '',
    roleLabel(p.role),
    statusLabel(p.status),
    sourceLabel(p.source),
    p.checkedInAt ? formatDateTime(p.checkedInAt) : '',
  ]);
  return BOM + [header, ...rows].map((row) => csvLine(row, CSV_SEPARATOR)).join('\r\n') + '\r\n';
}

/** A file name from the event's title and date: "deltagare-hostkonferens-2026-12-03.csv". */
export function csvFileName(title: string, date: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${t('participations.csv.fileName')}-${slug ? `${slug}-` : ''}${date}.csv`;
}

/** Saves the text as a file through the browser's download (a blob URL; no data: URL, no server). */
export function downloadCsv(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
