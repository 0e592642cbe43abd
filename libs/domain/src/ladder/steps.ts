/** The five steps of the engagement ladder (engagemangstrappan), lowest first. */
export enum LadderStep {
  AWARENESS = 'AWARENESS',
  INTEREST = 'INTEREST',
  PARTICIPATION = 'PARTICIPATION',
  COLLABORATION = 'COLLABORATION',
  INFLUENCE = 'INFLUENCE',
}

export const LADDER_STEPS: readonly LadderStep[] = [
  LadderStep.AWARENESS,
  LadderStep.INTEREST,
  LadderStep.PARTICIPATION,
  LadderStep.COLLABORATION,
  LadderStep.INFLUENCE,
];

/** 1–5; 0 means not engaged. */
export type Level = 0 | 1 | 2 | 3 | 4 | 5;

export function levelOf(step: LadderStep): Exclude<Level, 0> {
  return (LADDER_STEPS.indexOf(step) + 1) as Exclude<Level, 0>;
}

export function stepOf(level: number): LadderStep | null {
  return level >= 1 && level <= 5 ? LADDER_STEPS[level - 1] : null;
}

export const ladderStepLabelSv: Record<LadderStep, string> = {
  [LadderStep.AWARENESS]: 'Medvetenhet',
  [LadderStep.INTEREST]: 'Intresse',
  [LadderStep.PARTICIPATION]: 'Deltagande',
  [LadderStep.COLLABORATION]: 'Samverkan',
  [LadderStep.INFLUENCE]: 'Påverkan och handling',
};

export const ladderStepLabelEn: Record<LadderStep, string> = {
  [LadderStep.AWARENESS]: 'Awareness',
  [LadderStep.INTEREST]: 'Interest',
  [LadderStep.PARTICIPATION]: 'Participation',
  [LadderStep.COLLABORATION]: 'Collaboration',
  [LadderStep.INFLUENCE]: 'Influence and action',
};

/** Passive listeners (steps 1–2) versus active participants (steps 3–5), as the committee follows up. */
export function isActive(level: number): boolean {
  return level >= 3;
}
