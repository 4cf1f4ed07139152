/** The phone manager console's words (电话经理). Keys start with `pm.`. */
export const en = {
  'pm.title': 'Alert queue',
};

export const zh: Record<keyof typeof en, string> = {
  'pm.title': '预警队列',
};
