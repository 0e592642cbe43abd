export const attendanceMessages = {} as const;
