import { describe, expect, it } from 'vitest';
import { createDocument, SIZE, textHeight, textHeightUpTo } from '#templates/pdf/layout';

const doc = () =>
  createDocument({ id: 'layout-test', title: 't', subject: 's', author: 'a', date: new Date(0) });

describe('textHeightUpTo', () => {
  const line = '本收費基準之人工成本與重製成本應分別列示，並說明每筆資料之計算方式及其法令依據。';

  it('gives exactly textHeight for a text no taller than the limit', () => {
    const d = doc();
    for (const text of ['', line, `${line}\n\n${line}`, `${line}\n`.repeat(20)]) {
      expect(textHeightUpTo(d, text, SIZE.body, 300, 700)).toBe(textHeight(d, text, SIZE.body, 300));
    }
  });

  it('stops measuring a taller text soon after the limit, still above it', () => {
    const d = doc();
    const at = { x: d.x, y: d.y };
    const text = `${line}\n`.repeat(300);
    const whole = textHeight(d, text, SIZE.body, 300);
    const upTo = textHeightUpTo(d, text, SIZE.body, 300, 700);
    expect(whole).toBeGreaterThan(5000);
    expect(upTo).toBeGreaterThan(700);
    expect(upTo).toBeLessThan(760);
    // Measuring leaves the cursor where it was.
    expect({ x: d.x, y: d.y }).toEqual(at);
  });

  it('measures text the font chain splits into runs whole, as textHeight does', () => {
    const d = doc();
    const text = `김민준 ${line}\n`.repeat(100);
    expect(textHeightUpTo(d, text, SIZE.body, 300, 700)).toBe(textHeight(d, text, SIZE.body, 300));
  });
});
