/** The store console's words (门店店员). Keys start with `store.`. */
export const en = {
  'store.title': 'Store counter',
};

export const zh: Record<keyof typeof en, string> = {
  'store.title': '门店柜台',
};
