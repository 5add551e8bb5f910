import { describe, expect, it } from 'vitest';
import { drawingOrder, drawnByFirst, remembered, splitRuns, type Covers } from '#templates/pdf/font-runs';

// Stand-ins for the chain, by what they cover: the primary draws Han, Latin and punctuation, but not
// Extension B; the next one Extension B and Hangul; then Hebrew with its own space and punctuation.
const primary: Covers = (cp) =>
  (cp >= 0x20 && cp <= 0x7e) || cp === 0xb7 || (cp >= 0x4e00 && cp <= 0x9fff) || cp === 0xe9;
const cjk: Covers = (cp) => (cp >= 0x20000 && cp <= 0x2a6df) || (cp >= 0xac00 && cp <= 0xd7a3) || cp === 0x20;
const hebrew: Covers = (cp) => (cp >= 0x0590 && cp <= 0x05ff) || cp === 0x20 || cp === 0x2e;
const CHAIN = [primary, cjk, hebrew];

describe('splitRuns', () => {
  it('gives one run in the first font for text it draws alone', () => {
    expect(splitRuns('林小華 Lin', CHAIN)).toEqual([{ font: 0, text: '林小華 Lin', rtl: false }]);
    expect(drawnByFirst('林小華 Lin\n', primary)).toBe(true);
  });

  it('splits a mixed name into runs by the first font that has each letter, spaces staying in their run', () => {
    expect(drawnByFirst('𡈽𠀋 שלום 김민', primary)).toBe(false);
    expect(splitRuns('𡈽𠀋 שלום 김민', CHAIN)).toEqual([
      { font: 1, text: '𡈽𠀋 ', rtl: false },
      { font: 2, text: 'שלום ', rtl: true },
      { font: 1, text: '김민', rtl: false },
    ]);
  });

  it('keeps punctuation in the run before it only where that font has it', () => {
    expect(splitRuns('שרה. 林·', CHAIN)).toEqual([
      { font: 2, text: 'שרה. ', rtl: true },
      { font: 0, text: '林·', rtl: false },
    ]);
    // The Hebrew stand-in has no middle dot: it goes to the first font that has it.
    expect(splitRuns('שרה·', CHAIN).map((r) => r.font)).toEqual([2, 0]);
  });

  it('keeps a letter with its combining marks, in a font that has them all', () => {
    // e + U+0301: the primary stand-in has e but not the mark, and no font has the mark.
    expect(splitRuns('Le\u0301a', CHAIN)).toEqual([{ font: 0, text: 'Le\u0301a', rtl: false }]);
    const withMark: Covers = (cp) => cp === 0x65 || cp === 0x301;
    expect(splitRuns('Le\u0301a', [primary, withMark])).toEqual([
      { font: 0, text: 'L', rtl: false },
      { font: 1, text: 'e\u0301', rtl: false },
      { font: 0, text: 'a', rtl: false },
    ]);
  });

  it('leaves what no font draws to the first font (its missing-glyph box), in place', () => {
    expect(splitRuns('A👩🏽‍💻B', CHAIN)).toEqual([{ font: 0, text: 'A👩🏽‍💻B', rtl: false }]);
  });

  it('never splits a surrogate pair', () => {
    const runs = splitRuns('林𠀋林', CHAIN);
    expect(runs.map((r) => r.text)).toEqual(['林', '𠀋', '林']);
    expect(runs.map((r) => r.text).join('')).toBe('林𠀋林');
  });
});

describe('drawnByFirst', () => {
  it('reads astral characters and lone surrogates as code points, and passes what is never drawn', () => {
    expect(drawnByFirst('林\n\u200B\tA', primary)).toBe(true);
    expect(drawnByFirst('林𠀋', primary)).toBe(false);
    expect(drawnByFirst('𠀋', cjk)).toBe(true);
    expect(drawnByFirst('林\uD800', primary)).toBe(false);
  });
});

describe('remembered', () => {
  it('asks the font once per code point and answers as it did', () => {
    const asked: number[] = [];
    const covers = remembered((cp) => {
      asked.push(cp);
      return primary(cp);
    });
    expect(drawnByFirst('林林林 Lin', covers)).toBe(true);
    expect(drawnByFirst('林𠀋', covers)).toBe(false);
    expect(drawnByFirst('林𠀋', covers)).toBe(false);
    expect(asked).toEqual([0x6797, 0x20, 0x4c, 0x69, 0x6e, 0x2000b]);
  });
});

describe('drawingOrder', () => {
  it('hands a right-to-left run over last word first, spaces around it kept in place', () => {
    expect(drawingOrder('שרה כהן')).toBe('כהן שרה');
    expect(drawingOrder('מרים בת  דוד ')).toBe('דוד  בת מרים ');
    expect(drawingOrder(' שלום')).toBe(' שלום');
  });
});
