import { describe, expect, it } from 'vitest';
import { isValidUpn, makeUpn, upnCheckLetter } from '../../main/api/contract/upn.ts';

describe('UPN check letter (DfE algorithm)', () => {
  it('accepts a known valid UPN and rejects it with another letter', () => {
    // 8·2 + 0·3 + 1·4 + 2·5 + 0·6 + 0·7 + 0·8 + 0·9 + 5·10 + 0·11 + 0·12 + 1·13 = 93; 93 mod 23 = 1 → B
    expect(upnCheckLetter('801200005001')).toBe('B');
    expect(isValidUpn('B801200005001')).toBe(true);
    expect(isValidUpn('A801200005001')).toBe(false);
  });

  it('handles a temporary UPN (letter in position 13, valued by its place in A–Z without I, O, S)', () => {
    // Same sum as above without the final 1·13 and with A = 0: 80 mod 23 = 11 → M
    expect(upnCheckLetter('80120000500A')).toBe('M');
    expect(isValidUpn('M80120000500A')).toBe(true);
    expect(isValidUpn('M80120000500B')).toBe(false);
  });

  it('maps remainders onto the 23-letter alphabet without I, O and S', () => {
    const letters = new Set<string>();
    for (let serial = 0; serial < 600; serial++) letters.add(makeUpn(991, 2000, 19, serial)[0]!);
    expect([...letters].sort().join('')).toBe('ABCDEFGHJKLMNPQRTUVWXYZ');
  });

  it('rejects malformed UPNs', () => {
    for (const bad of ['', 'B80120000500', 'B8012000050011', 'b801200005001', 'I801200005001', 'B80120000500O', 'B80120000500S', 'B8012000A5001', ' B801200005001']) {
      expect(isValidUpn(bad), bad).toBe(false);
    }
    expect(() => upnCheckLetter('8012000050')).toThrow();
  });

  it('builds valid UPNs from parts', () => {
    const upn = makeUpn(991, 2314, 2019, 476);
    expect(upn).toMatch(/^[A-Z]991231419476$/);
    expect(isValidUpn(upn)).toBe(true);
  });
});
