import { describe, expect, it } from 'vitest';
import { copyText } from './copy-text.js';

describe('copyText', () => {
  it('escapes backslash, tab, newline and carriage return, and leaves other text alone', () => {
    expect(copyText('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyText("Dave's Killer Bread #1")).toBe("Dave's Killer Bread #1");
  });
});
