export const eventsMessages = {} as const;
