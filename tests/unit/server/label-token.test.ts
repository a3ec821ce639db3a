import { describe, expect, it } from 'vitest';

import { sha256Hex, signLabelToken, verifyLabelToken, vouchedReading } from '@/lib/server/label-token';

const PHOTO = sha256Hex(new TextEncoder().encode('the box photo as uploaded'));
const OTHER = sha256Hex(new TextEncoder().encode('another photo'));
const IMEIS = ['868907041234565', '867443033012349'];

describe('box-label tokens', () => {
  it('vouch for the IMEIs found on exactly these bytes, an empty reading included', () => {
    const token = signLabelToken(PHOTO, IMEIS);
    expect(token.length).toBeLessThan(100);
    expect(verifyLabelToken(token, PHOTO)).toEqual(IMEIS);
    expect(verifyLabelToken(signLabelToken(PHOTO, []), PHOTO)).toEqual([]);
  });

  it('vouch for nothing on other bytes, with an edited IMEI list or a forged signature', () => {
    const token = signLabelToken(PHOTO, IMEIS);
    expect(verifyLabelToken(token, OTHER)).toBeNull();
    expect(verifyLabelToken(token.replace('868907041234565', '861234056789012'), PHOTO)).toBeNull();
    expect(verifyLabelToken(token.replace('868907041234565,', ''), PHOTO)).toBeNull();
    const [version, list] = token.split('.');
    expect(verifyLabelToken(`${version}.${list}.${'A'.repeat(43)}`, PHOTO)).toBeNull();
    for (const junk of ['', 'v1', 'v1..', 'v2.868907041234565.x', `${token}.extra`, 'v1.12345.abc', 'v1.<script>.x']) {
      expect(verifyLabelToken(junk, PHOTO), junk).toBeNull();
    }
  });

  it('among an appeal’s tokens, the one for a photo’s bytes gives its reading; none, null', () => {
    const tokens = ['junk', signLabelToken(OTHER, []), signLabelToken(PHOTO, IMEIS)];
    expect(vouchedReading(tokens, PHOTO)).toEqual(IMEIS);
    expect(vouchedReading(tokens, OTHER)).toEqual([]);
    expect(vouchedReading(tokens, sha256Hex(new TextEncoder().encode('a third photo')))).toBeNull();
    expect(vouchedReading([], PHOTO)).toBeNull();
  });
});
