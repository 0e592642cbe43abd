export const homeMessages = {
  'home.title': 'Start',
  'home.today': 'I dag',
  'home.upcoming': 'Kommande evenemang',
  'home.noneToday': 'Inga evenemang i dag.',
  'home.noneUpcoming': 'Inga kommande evenemang.',
  'home.openDoor': 'Öppna incheckningen',
  'home.allEvents': 'Alla evenemang',
} as const;
