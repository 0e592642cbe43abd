export const usersMessages = {
  'users.title': 'Användare',
} as const;
