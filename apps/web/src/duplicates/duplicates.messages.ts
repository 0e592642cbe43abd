export const duplicatesMessages = {} as const;
