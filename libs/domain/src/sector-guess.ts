import { Sector } from './enums';

// Words in an organisation's name that give its penta-helix sector away, checked in this order
// (a "kommunförbund" is public sector before it is an association; "Umeå universitet holding AB"
// is academia's company, and counted as academia).
const HINTS: readonly [Sector, RegExp][] = [
  [Sector.ACADEMIA, /(universitet|hogskola|university|college|\bslu\b|\bltu\b|\bumu\b|larosate|akademi\b)/],
  [
    Sector.INNOVATION_SYSTEM,
    /(science park|inkubator|incubator|uminova|\balmi\b|\brise\b|vinnova|kluster|cluster|innovation|accelerator|techpark|teknikpark)/,
  ],
  [
    Sector.PUBLIC_SECTOR,
    /(kommun|\bregion\b|lansstyrelse|myndighet|verket\b|styrelsen\b|forsakringskassan|arbetsformedlingen|polis|landsting|sametinget|riksdag|regeringskansli|departement|\bstatens\b)/,
  ],
  [
    Sector.CIVIL_SOCIETY,
    /(forening|forbund|stiftelse|ideell|forsamling|kyrka|sameby|\bif\b|\bik\b|nykterhet|studieforbund|folkhogskola|\bngo\b|association|foundation|society|\bclub\b|\bklubb)/,
  ],
];

function fold(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/**
 * The sector an organisation first met in a registration list most likely belongs to, from its
 * name. A list rarely says; staff correct the guess on the actor when it is wrong. Anything that
 * gives no hint is taken to be a business, the most common kind of unknown organisation at the
 * meeting places.
 */
export function guessOrganisationSector(name: string): Sector {
  const folded = fold(name);
  // Folk high schools are civil society in Sweden, though their name says "school".
  if (/folkhogskola/.test(folded)) return Sector.CIVIL_SOCIETY;
  for (const [sector, pattern] of HINTS) if (pattern.test(folded)) return sector;
  return Sector.BUSINESS;
}

/** A person who comes without an organisation takes part as a citizen: civil society. */
export const PRIVATE_PERSON_SECTOR = Sector.CIVIL_SOCIETY;
