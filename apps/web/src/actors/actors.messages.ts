export const actorsMessages = {} as const;
