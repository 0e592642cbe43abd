export const initiativesMessages = {
  'initiatives.title': 'Initiativ',
} as const;
