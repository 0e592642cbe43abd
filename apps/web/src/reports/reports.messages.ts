export const reportsMessages = {
  'reports.title': 'Rapporter',
} as const;
