/** Han characters (CJK unified ideographs, extension A and compatibility): the script of Chinese. */
const HAN_RANGES = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
/** Every run of Han characters in a text. */
export const HAN_RUNS = new RegExp(`[${HAN_RANGES}]+`, 'g');
const HAN_CHAR = new RegExp(`[${HAN_RANGES}]`);

/**
 * Whether a search is long enough to send: two characters, or one Chinese character, which is a
 * word (or a surname) on its own.
 */
export const longEnoughToSearch = (q: string) => q.length >= 2 || HAN_CHAR.test(q);
