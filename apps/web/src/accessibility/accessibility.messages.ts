export const accessibilityMessages = {
  'accessibility.title': 'Tillgänglighetsredogörelse',
  'accessibility.intro':
    'Region Västerbotten står bakom Engagemangstrappan, tjänsten där vi registrerar evenemang, deltagare och aktörers engagemang. Vi vill att alla som arbetar i tjänsten ska kunna använda den. Här beskriver vi hur tjänsten uppfyller lagen om tillgänglighet till digital offentlig service, kända brister och hur du rapporterar problem.',
  'accessibility.status.heading': 'Hur tillgänglig är tjänsten?',
  'accessibility.status.text':
    'Tjänsten är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan. Målet är nivå AA i WCAG 2.1.',
  'accessibility.gaps.heading': 'Kända brister',
  'accessibility.gaps.camera':
    'Att skanna en QR-kod med kameran kräver att man ser koden. Samma sak går alltid att göra genom att skriva koden eller namnet i sökrutan.',
  'accessibility.gaps.browsers':
    'Tjänsten testas automatiskt i webbläsaren Chromium. Safari på iPhone och iPad samt skärmläsare (VoiceOver, NVDA, TalkBack) har inte testats lika noggrant.',
  'accessibility.gaps.print':
    'Utskrivna namnbrickor har QR-koder som inte går att läsa med skärmläsare. Koden står också i text på brickan.',
  'accessibility.report.heading': 'Rapportera brister',
  'accessibility.report.text':
    'Om du upptäcker problem som inte beskrivs här, eller om du behöver innehåll i ett annat format, kontakta oss. Berätta vilken sida det gäller och vad som inte fungerar.',
  'accessibility.report.link': 'Skicka e-post till {address}',
  'accessibility.supervision.heading': 'Tillsyn',
  'accessibility.supervision.text':
    'Myndigheten för digital förvaltning (Digg) har ansvar för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg och påtala det.',
  'accessibility.supervision.link': 'Anmäl till Digg (digg.se)',
  'accessibility.testing.heading': 'Hur vi testat tjänsten',
  'accessibility.testing.text':
    'Varje sida kontrolleras automatiskt med verktyget axe mot WCAG 2.1 nivå A och AA vid varje ändring av tjänsten. Tangentbordsnavigering, fokusmarkering, textstorlek och smala skärmar (360 pixlar) kontrolleras i samma tester. Redogörelsen uppdaterades senast den {date}.',
} as const;
