export const privacyMessages = {
  'privacy.title': 'Så hanterar vi personuppgifter',
  'privacy.intro':
    'Här beskriver vi hur Engagemangstrappan behandlar personuppgifter om dig som deltar i Region Västerbottens mötesplatser och samverkan.',
  'privacy.controller.heading': 'Personuppgiftsansvarig',
  'privacy.purpose.heading': 'Varför vi behandlar uppgifterna',
  'privacy.legalBasis.heading': 'Rättslig grund',
  'privacy.retention.heading': 'Hur länge vi sparar uppgifterna',
  'privacy.rights.heading': 'Dina rättigheter',
  'privacy.contact.heading': 'Kontakt',
  'privacy.contact.text': 'Frågor om hur vi hanterar personuppgifter besvaras av dataskyddsombudet.',
  'privacy.contact.link': 'Skriv till {address}',
  'privacy.error': 'Texten kunde inte hämtas just nu. Försök igen om en stund.',
} as const;
