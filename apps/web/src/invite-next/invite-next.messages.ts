export const inviteNextMessages = {
  'inviteNext.title': 'Vem bjuder vi in härnäst?',
} as const;
