/** The supervisor console's words (主管). Keys start with `sup.`. */
export const en = {
  'sup.title': 'Tier board',
};

export const zh: Record<keyof typeof en, string> = {
  'sup.title': '分层看板',
};
