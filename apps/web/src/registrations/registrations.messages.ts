export const registrationsMessages = {} as const;
