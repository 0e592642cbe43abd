export const ladderMessages = {
  'ladder.title': 'Trappan',
} as const;
