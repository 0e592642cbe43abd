export const dataProtectionMessages = {
  // The actor page's section (ADMIN, persons)
  'dataProtection.heading': 'Dataskydd',
  'dataProtection.intro':
    'Registerutdrag, begränsning av behandlingen, anonymisering och vem som har läst uppgifterna. Bara administratörer ser det här.',
  'dataProtection.state.restricted': 'Behandlingen är begränsad sedan {date}. Skäl: {reason}',
  'dataProtection.state.anonymised': 'Anonymiserad {date}',
  'dataProtection.state.normal': 'Behandlingen är inte begränsad.',
  'dataProtection.failed': 'Det gick inte. Försök igen om en stund.',

  'dataProtection.export.heading': 'Registerutdrag',
  'dataProtection.export.explain':
    'Ett registerutdrag visar allt systemet har om personen. Det går att ladda ner i en vecka och raderas sedan.',
  'dataProtection.export.make': 'Gör registerutdrag',
  'dataProtection.export.making': 'Gör registerutdrag …',
  'dataProtection.export.made': 'Registerutdraget är klart. Det går att ladda ner till {date}.',
  'dataProtection.export.rateLimited':
    'Du har gjort många registerutdrag och exporter på kort tid. Vänta en stund och försök igen.',
  'dataProtection.export.none': 'Det finns inget registerutdrag att ladda ner.',
  'dataProtection.export.item': 'Registerutdrag {date}, gäller till {expires}',
  'dataProtection.export.pdf': 'Ladda ner registerutdrag (PDF)',
  'dataProtection.export.json': 'Ladda ner registerutdrag (JSON)',

  'dataProtection.restrict.button': 'Begränsa behandling',
  'dataProtection.restrict.title': 'Begränsa behandlingen av {name}',
  'dataProtection.restrict.explain':
    '{name} döljs då för alla utom administratörer: personen syns inte i sökningar, listor, exporter eller ”Bjud in härnäst”, och vid entrén visas bara ”Skyddad person”. Personen räknas ändå med i antal, statistik och rapporter. Du kan häva begränsningen senare.',
  'dataProtection.restrict.reason': 'Skäl',
  'dataProtection.restrict.reasonHint':
    'Till exempel att personen har begärt begränsning medan en begäran om rättelse prövas. Högst 500 tecken.',
  'dataProtection.restrict.reasonRequired': 'Skriv skälet till begränsningen.',
  'dataProtection.restrict.confirm': 'Begränsa behandling',
  'dataProtection.restrict.done': 'Behandlingen av {name} är begränsad.',
  'dataProtection.lift.button': 'Häv begränsning',
  'dataProtection.lift.title': 'Häv begränsningen för {name}?',
  'dataProtection.lift.text': '{name} syns då igen för alla som får läsa personuppgifter.',
  'dataProtection.lift.confirm': 'Häv begränsning',
  'dataProtection.lift.done': 'Begränsningen är hävd.',

  'dataProtection.anonymise.button': 'Anonymisera',
  'dataProtection.anonymise.title': 'Anonymisera {name}',
  'dataProtection.anonymise.warning': 'Det går inte att ångra en anonymisering.',
  'dataProtection.anonymise.erased':
    'Raderas för alltid: namnet (personen heter sedan ”Anonymiserad person”), e-postadressen, titeln, anteckningar om engagemang, registerutdrag, förslag på dubbletter och en eventuell begränsning.',
  'dataProtection.anonymise.kept':
    'Sparas utan namn: sektor, kommun, land, kön, organisation, rättslig grund, deltaganden, medlemskap, engagemang, placeringen på trappan och samtycken. Statistik och rapporter blir därför oförändrade.',
  'dataProtection.anonymise.confirm': 'Anonymisera',
  'dataProtection.anonymise.done': 'Personen är anonymiserad.',
  'dataProtection.caseReference': 'Ärendereferens',
  'dataProtection.caseReferenceHint':
    'Diarienumret eller ärendets referens, till exempel RVB 2026/123. Skriv inga personuppgifter här.',
  'dataProtection.caseReferenceRequired': 'Skriv ärendereferensen.',

  'dataProtection.delete.button': 'Radera',
  'dataProtection.delete.title': 'Radera {name}',
  'dataProtection.delete.explain':
    'Personen har inga deltaganden, medlemskap, engagemang eller placering på trappan och kan därför raderas helt, med samtycken och registerutdrag. Det går inte att ångra.',
  'dataProtection.delete.confirm': 'Radera',
  'dataProtection.delete.done': 'Personen är raderad.',
  'dataProtection.delete.hasEvidence':
    'Personen har uppgifter som statistiken bygger på och kan inte raderas. Anonymisera personen i stället.',

  'dataProtection.errorSummary': 'Det gick inte. Rätta uppgiften som är markerad.',
  'dataProtection.reason.tooLong': 'Texten är för lång. Korta den och försök igen.',
  'dataProtection.reason.empty': 'Fältet får inte vara tomt.',
  'dataProtection.reason.alreadyRestricted': 'Behandlingen är redan begränsad.',
  'dataProtection.reason.notRestricted': 'Behandlingen är inte begränsad.',
  'dataProtection.reason.anonymised': 'Personen är redan anonymiserad.',
  'dataProtection.reason.notPerson': 'Det gäller bara personer, inte organisationer.',
  'dataProtection.reason.notFound': 'Personen finns inte längre. Ladda om sidan.',
  'dataProtection.reason.emailNotUsable': 'E-postadressen kan inte användas.',
  'dataProtection.reason.other': 'Uppgiften godtogs inte. Kontrollera den och försök igen.',

  'dataProtection.access.heading': 'Vem har läst uppgifterna',
  'dataProtection.access.explain': 'Varje gång någon har läst uppgifter om personen, senaste först.',
  'dataProtection.access.none': 'Ingen har läst uppgifterna ännu.',
  'dataProtection.access.caption': 'Vem har läst uppgifterna, senaste först',
  'dataProtection.access.who': 'Vem',
  'dataProtection.access.when': 'När',
  'dataProtection.access.operation': 'Vad',
  'dataProtection.access.count': 'Visar {shown} av {total}.',
  'dataProtection.access.more': 'Visa fler',
  'dataProtection.operation.actor': 'Öppnade aktörens sida',
  'dataProtection.operation.actors': 'Sökte eller listade aktörer',
  'dataProtection.operation.updateActor': 'Ändrade uppgifterna',
  'dataProtection.operation.createPerson': 'Lade in personen',
  'dataProtection.operation.checkInSearch': 'Sökte vid entrén',
  'dataProtection.operation.restrictProcessing': 'Begränsade behandlingen',
  'dataProtection.operation.liftRestriction': 'Hävde begränsningen',
  'dataProtection.operation.anonymiseActor': 'Anonymiserade personen',
  'dataProtection.operation.personalDataExport': 'Gjorde registerutdrag',
  'dataProtection.operation.personalDataExport.pdf': 'Laddade ner registerutdrag (PDF)',
  'dataProtection.operation.personalDataExport.json': 'Laddade ner registerutdrag (JSON)',
  'dataProtection.operation.actorsExport': 'Exporterade aktörer',
  'dataProtection.operation.participantsExport': 'Exporterade deltagare',

  // The page /admin/dataskydd
  'dataProtection.page.title': 'Dataskydd',
  'dataProtection.page.intro':
    'Gallring av personuppgifter, personer vars behandling är begränsad och uppföljningen av vem som läser personuppgifter. En enskild persons registerutdrag, begränsning och anonymisering görs på personens sida.',

  'dataProtection.rules.heading': 'Gallringsregler',
  'dataProtection.rules.explain':
    'Uppgifter som är allmänna handlingar får bara gallras med stöd av ett gallringsbeslut: en sådan regel kan bara vara aktiv när beslutets diarienummer är angivet. Kvartalsrapporterna gallras aldrig.',
  'dataProtection.rules.caption': 'Gallringsregler',
  'dataProtection.rules.rule': 'Regel',
  'dataProtection.rules.description': 'Vad regeln gäller',
  'dataProtection.rules.keep': 'Sparas i',
  'dataProtection.rules.decision': 'Beslut',
  'dataProtection.rules.status': 'Status',
  'dataProtection.rules.preview': 'Nästa körning berör',
  'dataProtection.rules.noDecision': 'Inget beslut angivet',
  'dataProtection.rules.decisionNotNeeded': 'Behövs inte',
  'dataProtection.rules.active': 'Aktiv',
  'dataProtection.rules.inactive': 'Inaktiv',
  'dataProtection.rules.edit': 'Ändra',
  'dataProtection.rules.editFor': 'Ändra regeln ”{rule}”',
  'dataProtection.rules.previewUnknown': '–',
  'dataProtection.rules.previewIfEnabled': '{count} om regeln blir aktiv',
  'dataProtection.unit.DAYS': 'dagar',
  'dataProtection.unit.MONTHS': 'månader',
  'dataProtection.unit.DAYS.one': 'dag',
  'dataProtection.unit.MONTHS.one': 'månad',
  'dataProtection.amount': '{amount} {unit}',
  'dataProtection.rule.INACTIVE_PERSONS': 'Personer utan aktivitet',
  'dataProtection.rule.REJECTED_IMPORT_ROWS': 'Avvisade rader i importer',
  'dataProtection.rule.ACCESS_LOG': 'Åtkomstloggen',
  'dataProtection.rule.SESSIONS': 'Inloggningar (sessioner)',
  'dataProtection.rule.INVITATIONS': 'Inbjudningslänkar till användare',
  'dataProtection.rule.IDEMPOTENCY_KEYS': 'Tekniska nycklar mot dubbla anrop',
  'dataProtection.rule.PERSONAL_DATA_EXPORTS': 'Registerutdrag',

  'dataProtection.ruleDialog.title': 'Ändra regeln ”{rule}”',
  'dataProtection.ruleDialog.amount': 'Sparas i',
  'dataProtection.ruleDialog.unit': 'Enhet',
  'dataProtection.ruleDialog.decision': 'Beslut (diarienummer)',
  'dataProtection.ruleDialog.decisionHint': 'Diarienumret på gallringsbeslutet, till exempel RVB 2026/45.',
  'dataProtection.ruleDialog.decisionRequired':
    'Regeln gallrar allmänna handlingar och kan bara vara aktiv med ett gallringsbeslut. Skriv beslutets diarienummer.',
  'dataProtection.ruleDialog.enabled': 'Aktiv',
  'dataProtection.ruleDialog.amountInvalid': 'Skriv ett heltal, minst 1.',
  'dataProtection.ruleDialog.amountRange': 'Skriv ett heltal från 1 till 1 200.',
  'dataProtection.ruleDialog.amountFloor':
    'Den här regeln måste spara uppgifterna i minst 12 månader (366 dagar).',
  'dataProtection.ruleDialog.warning.INACTIVE_PERSONS':
    'Nästa körning anonymiserar {count} personer. Det går inte att ångra.',
  'dataProtection.ruleDialog.warning.INACTIVE_PERSONS.one':
    'Nästa körning anonymiserar 1 person. Det går inte att ångra.',
  'dataProtection.ruleDialog.warning.REJECTED_IMPORT_ROWS':
    'Nästa körning raderar {count} avvisade rader i importer. Det går inte att ångra.',
  'dataProtection.ruleDialog.warning.REJECTED_IMPORT_ROWS.one':
    'Nästa körning raderar 1 avvisad rad i en import. Det går inte att ångra.',
  'dataProtection.ruleDialog.warning.ACCESS_LOG':
    'Nästa körning raderar {count} poster ur åtkomstloggen. Det går inte att ångra.',
  'dataProtection.ruleDialog.warning.ACCESS_LOG.one':
    'Nästa körning raderar 1 post ur åtkomstloggen. Det går inte att ångra.',
  'dataProtection.ruleDialog.warning.unknown':
    'Förhandsvisningen saknas, så hur mycket nästa körning gallrar är inte känt. Det som gallras går inte att få tillbaka.',
  'dataProtection.ruleDialog.confirmTitle': 'Vill du göra regeln aktiv?',
  'dataProtection.ruleDialog.confirm': 'Gör regeln aktiv och spara',
  'dataProtection.ruleDialog.back': 'Tillbaka',
  'dataProtection.ruleDialog.saved': 'Regeln ”{rule}” är sparad.',

  'dataProtection.run.button': 'Kör gallring nu',
  'dataProtection.run.title': 'Kör gallring nu?',
  'dataProtection.run.text':
    'De aktiva reglerna körs nu i stället för att vänta på nattens körning. Enligt förhandsvisningen berörs {count} poster. Det som gallras går inte att få tillbaka.',
  'dataProtection.run.text.one':
    'De aktiva reglerna körs nu i stället för att vänta på nattens körning. Enligt förhandsvisningen berörs 1 post. Det som gallras går inte att få tillbaka.',
  'dataProtection.run.textUnknown':
    'De aktiva reglerna körs nu i stället för att vänta på nattens körning. Förhandsvisningen saknas, så hur många poster som berörs är inte känt. Det som gallras går inte att få tillbaka.',
  'dataProtection.run.confirm': 'Kör gallring',
  'dataProtection.run.started': 'Gallringen har startat.',
  'dataProtection.runs.heading': 'Körningar',
  'dataProtection.runs.caption': 'Körningar av gallringen, senaste först',
  'dataProtection.runs.none': 'Gallringen har inte körts ännu.',
  'dataProtection.runs.started': 'Start',
  'dataProtection.runs.trigger': 'Hur',
  'dataProtection.runs.status': 'Status',
  'dataProtection.runs.counts': 'Berörda poster',
  'dataProtection.runs.failedBecause': 'Orsak: {error}',
  'dataProtection.runs.announce': 'Gallringens körning: {status}',
  'dataProtection.runs.noCounts': 'Inga',
  'dataProtection.runs.countsHint':
    'Berörda poster visas per regel; regler som inte berörde något visas inte.',
  'dataProtection.runs.count': '{rule}: {count}',
  'dataProtection.runs.countDecision': '{rule}: {count} (beslut {decision})',
  'dataProtection.preview.timeout':
    'Förhandsvisningen tog för lång tid och avbröts, så kolumnen ”Nästa körning berör” är tom. Försök igen senare; gallringen kan köras ändå.',
  'dataProtection.preview.failed':
    'Förhandsvisningen gick inte att hämta, så kolumnen ”Nästa körning berör” är tom. Gallringen kan köras ändå.',
  'dataProtection.trigger.SCHEDULE': 'Schemalagd',
  'dataProtection.trigger.MANUAL': 'Manuell',
  'dataProtection.status.RUNNING': 'Pågår',
  'dataProtection.status.DONE': 'Klar',
  'dataProtection.status.FAILED': 'Misslyckades',

  'dataProtection.restricted.heading': 'Begränsade personer',
  'dataProtection.restricted.explain':
    'Personer vars behandling är begränsad. De syns bara för administratörer men räknas med i statistiken.',
  'dataProtection.restricted.none': 'Ingen persons behandling är begränsad.',
  'dataProtection.restricted.caption': 'Begränsade personer',
  'dataProtection.restricted.name': 'Namn',
  'dataProtection.restricted.since': 'Begränsad sedan',
  'dataProtection.restricted.lastActivity': 'Senaste aktivitet',
  'dataProtection.restricted.noActivity': 'Ingen',
  'dataProtection.restricted.count': 'Visar {shown} av {total}.',
  'dataProtection.restricted.more': 'Visa fler',

  'dataProtection.summaries.heading': 'Uppföljning av åtkomstloggen',
  'dataProtection.summaries.explain':
    'Varje måndag sammanfattas förra veckans läsningar av personuppgifter per användare. En användare flaggas när hen har läst ovanligt många personer: fler än {absolute}, eller fler än {relative} och {factor} gånger så många som hens median för de åtta veckorna före.',
  'dataProtection.summaries.none': 'Ingen veckosammanfattning ännu.',
  'dataProtection.summaries.week': 'Veckan från {date}',
  'dataProtection.summaries.totals':
    '{reads} läsningar av {users} användare. Flaggade användare: {flagged}. Sammanställd {computed}.',
  'dataProtection.summaries.totals.one':
    '1 läsning av {users} användare. Flaggade användare: {flagged}. Sammanställd {computed}.',
  'dataProtection.summaries.caption': 'Veckan från {date}, per användare',
  'dataProtection.summaries.user': 'Användare',
  'dataProtection.summaries.reads': 'Läsningar',
  'dataProtection.summaries.persons': 'Personer',
  'dataProtection.summaries.median': 'Median tidigare veckor',
  'dataProtection.summaries.flagged': 'Flaggad',
  'dataProtection.summaries.yes': 'Ja, ovanligt många',
  'dataProtection.summaries.no': 'Nej',
  'dataProtection.summaries.noMedian': '–',
} as const;
