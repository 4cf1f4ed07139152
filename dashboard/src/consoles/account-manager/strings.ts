/** The account manager console's words (客户经理). Keys start with `am.`. */
export const en = {
  'am.title': 'My portfolio',
};

export const zh: Record<keyof typeof en, string> = {
  'am.title': '我的客户',
};
