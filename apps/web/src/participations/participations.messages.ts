export const participationsMessages = {} as const;
