export const mapMessages = {
  'map.title': 'Karta',
} as const;
