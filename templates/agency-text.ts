/**
 * The presentation rule for texts the agency writes (proposal titles, fee item names, payment
 * instructions): Traditional Chinese always, English only where the agency gave it. Pages, mails and
 * PDFs print such a text through these helpers, so a missing English never shows as a blank, an
 * empty pair of brackets or the word "undefined".
 */
export interface AgencyText {
  zh: string;
  en?: string;
}

/** For a sentence in English: the English, or the Chinese where no English was given. */
export const inEnglish = (text: AgencyText): string => text.en ?? text.zh;

/** Both languages joined by `separator`; the Chinese alone where no English was given. */
export const bothOrChinese = (text: AgencyText, separator = ' / '): string =>
  text.en === undefined ? text.zh : `${text.zh}${separator}${text.en}`;
