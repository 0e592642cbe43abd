export const homeMessages = {
  'home.title': 'Start',
  'home.today': 'I dag',
  'home.upcoming': 'Kommande evenemang',
  'home.upcomingHint': 'De närmaste 30 dagarna.',
  'home.noneToday': 'Inga evenemang i dag.',
  'home.noneUpcoming': 'Inga kommande evenemang.',
  'home.openDoor': 'Öppna incheckningen',
  'home.openDoorFor': 'Öppna incheckningen för {title}',
  'home.participants': 'Deltagare',
  'home.participantsFor': 'Deltagare på {title}',
  'home.allEvents': 'Alla evenemang',
  'home.newEvent': 'Nytt evenemang',
  'home.when': '{date}, {time}',
  'home.welcome': 'Välkommen, {name}!',
  'home.welcomeText':
    'Här följer du upp engagemanget i Västerbotten. Rapporterna till nämnden hittar du i menyn när de är klara.',
} as const;
