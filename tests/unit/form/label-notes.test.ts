import { describe, expect, test } from 'vitest';

import type { EvidenceFile } from '@/lib/form/draft';
import { LOCALES } from '@/lib/i18n/locales';
import { MESSAGES } from '@/lib/i18n/messages';
import { fillFromLabel, isChecked, isCurrentFile, labelImeisOf, leftEmptyByMismatch, mismatchedImeis, notesFromCheck, withCheckAnswer } from '@/lib/form/label-notes';

const IMEI1 = '868907041234565';
const IMEI2 = '867443033012349';
const check = (imeis: string[], warnings: ('tooSmall' | 'blurred' | 'dark')[] = []) => ({ imeis, barcodes: imeis.length, photo: { width: 800, height: 600, warnings } });

describe('label notes', () => {
  test('a box photo gets the label reading and its photo warnings with tips; IMEIs survive a save as notes', () => {
    const notes = notesFromCheck(check([IMEI1, IMEI2], ['tooSmall']), 'boxPhoto');
    expect(notes.map((n) => n.key)).toEqual(['label.found', 'photo.tooSmall.title', 'photo.tooSmall.tip']);
    expect(notes[1]?.values).toEqual({ width: 800, height: 600 });
    expect(labelImeisOf([{ role: 'boxPhoto', notes }])).toEqual([IMEI1, IMEI2]);
    expect(isChecked(notes)).toBe(true);
  });

  test('stores the IMEIs read as plain digits (copyable into a search), and still reads drafts saved grouped', () => {
    const [found] = notesFromCheck(check([IMEI1, IMEI2]), 'boxPhoto');
    expect(found?.values).toEqual({ imeis: `${IMEI1}, ${IMEI2}` });
    const oldDraftNote = { key: 'label.found', values: { imeis: '86 890704 123456 5, 86 744303 301234 9' }, tone: 'info' as const };
    expect(labelImeisOf([{ role: 'boxPhoto', notes: [oldDraftNote] }])).toEqual([IMEI1, IMEI2]);
  });

  test('a clean receipt photo is marked checked with no label remark', () => {
    const notes = notesFromCheck(check([]), 'receipt');
    expect(notes.map((n) => n.key)).toEqual(['photo.ok']);
    expect(labelImeisOf([{ role: 'receipt', notes }])).toEqual([]);
  });

  test('a blurred or dark receipt photo gets advice about the receipt, not the box label, in every language', () => {
    const keys = (role: string) => notesFromCheck(check([], ['blurred', 'dark', 'tooSmall']), role).filter((n) => n.tone === 'info').map((n) => n.key);
    expect(keys('receipt')).toEqual(['photo.blurred.tipReceipt', 'photo.dark.tipReceipt', 'photo.tooSmall.tip']);
    expect(keys('boxPhoto')).toEqual(['photo.blurred.tip', 'photo.dark.tip', 'photo.tooSmall.tip']);
    const label = { en: /label/i, ru: /наклейк/i, bg: /етикет/i, uk: /наліпк/i } as const;
    const receipt = { en: /receipt/i, ru: /чек/i, bg: /бележка/i, uk: /чек/i } as const;
    for (const locale of LOCALES) {
      const { photo } = MESSAGES[locale].assistant;
      for (const tip of [photo.blurred.tipReceipt, photo.dark.tipReceipt]) {
        expect(tip, locale).not.toMatch(label[locale]);
        expect(tip, locale).toMatch(receipt[locale]);
      }
      // The box label's own advice still speaks of the label.
      expect(photo.blurred.tip, locale).toMatch(label[locale]);
    }
  });

  test('fills only empty fields, in label order, never twice the same IMEI', () => {
    expect(fillFromLabel({ imei: '', imei2: '' }, [IMEI1, IMEI2])).toEqual({ device: { imei: IMEI1, imei2: IMEI2 }, filled: ['imei', 'imei2'] });
    expect(fillFromLabel({ imei: IMEI1, imei2: '' }, [IMEI1, IMEI2])).toEqual({ device: { imei: IMEI1, imei2: IMEI2 }, filled: ['imei2'] });
    expect(fillFromLabel({ imei: '86 744303 301234 9', imei2: '' }, [IMEI1, IMEI2]).device.imei2).toBe(IMEI1);
  });

  describe('fills an empty field only when nothing typed contradicts the label', () => {
    // A valid IMEI (check digit 8) that is not on the label in the photo.
    const OTHER = '490154203237518';

    test('nothing typed: both fields from the label, in label order', () => {
      expect(fillFromLabel({ imei: '', imei2: '' }, [IMEI1, IMEI2])).toEqual({ device: { imei: IMEI1, imei2: IMEI2 }, filled: ['imei', 'imei2'] });
      expect(fillFromLabel({ imei: '', imei2: '' }, [IMEI1])).toEqual({ device: { imei: IMEI1, imei2: '' }, filled: ['imei'] });
    });

    test('IMEI1 typed and on the label: IMEI2 gets the label\'s other IMEI', () => {
      expect(fillFromLabel({ imei: IMEI2, imei2: '' }, [IMEI1, IMEI2])).toEqual({ device: { imei: IMEI2, imei2: IMEI1 }, filled: ['imei2'] });
      expect(fillFromLabel({ imei: '', imei2: IMEI2 }, [IMEI1, IMEI2])).toEqual({ device: { imei: IMEI1, imei2: IMEI2 }, filled: ['imei'] });
    });

    test('IMEI1 typed and not on the label: nothing is filled, and the mismatch stands to be settled by the user', () => {
      const device = { imei: OTHER, imei2: '' };
      expect(fillFromLabel(device, [IMEI1, IMEI2])).toEqual({ device, filled: [] });
      expect(mismatchedImeis(device, [IMEI1, IMEI2])).toEqual([{ field: 'imei', typed: OTHER }]);
      expect(leftEmptyByMismatch(device, [IMEI1, IMEI2])).toEqual(['imei2']);
      // The same for a half-typed IMEI: the label's IMEI belongs in that field, not next to it.
      expect(fillFromLabel({ imei: '111', imei2: '' }, [IMEI1]).filled).toEqual([]);
      // And for a wrong IMEI2 next to an empty IMEI1.
      expect(fillFromLabel({ imei: '', imei2: OTHER }, [IMEI1, IMEI2]).filled).toEqual([]);
    });

    test('no field is said to be left empty when the label filled it or nothing contradicts it', () => {
      expect(leftEmptyByMismatch({ imei: '', imei2: '' }, [IMEI1, IMEI2])).toEqual([]);
      expect(leftEmptyByMismatch({ imei: IMEI1, imei2: '' }, [IMEI1, IMEI2])).toEqual([]);
      expect(leftEmptyByMismatch({ imei: OTHER, imei2: '' }, [])).toEqual([]);
    });

    test('both typed: nothing to fill, whether they match the label or not', () => {
      expect(fillFromLabel({ imei: IMEI1, imei2: IMEI2 }, [IMEI1, IMEI2]).filled).toEqual([]);
      expect(fillFromLabel({ imei: IMEI1, imei2: OTHER }, [IMEI1, IMEI2])).toEqual({ device: { imei: IMEI1, imei2: OTHER }, filled: [] });
    });
  });

  test('a typed IMEI missing from a read label is a mismatch; no label, no claim', () => {
    expect(mismatchedImeis({ imei: '86-890704-123456-5', imei2: '861234056789012' }, [IMEI1, IMEI2])).toEqual([{ field: 'imei2', typed: '861234056789012' }]);
    expect(mismatchedImeis({ imei: '861234056789012', imei2: '' }, [])).toEqual([]);
  });

  describe('a late answer', () => {
    const photo = (id: string, bytes = 1): EvidenceFile => ({
      id, role: 'boxPhoto', name: `${id}.jpg`, kind: 'jpeg', blob: new Blob([new Uint8Array(bytes)]), originalSize: bytes, addedAt: 0, notes: [],
    });
    const notes = notesFromCheck(check([IMEI1]), 'boxPhoto');

    test('is written onto its photo while that photo is still there, replacing the earlier assistant notes', () => {
      const box = { ...photo('box'), notes: [{ key: 'label.unavailable', tone: 'warning' as const }] };
      const other = photo('receipt');
      const after = withCheckAnswer([box, other], box, notes, 'v1.token');
      expect(after[0]).toMatchObject({ notes, labelToken: 'v1.token' });
      expect(after[1]).toBe(other);
    });

    test('changes nothing once its photo was removed or replaced', () => {
      const box = photo('box');
      const other = photo('other');
      expect(isCurrentFile([other], box)).toBe(false);
      const removed = [other];
      expect(withCheckAnswer(removed, box, notes, 'v1.token')).toBe(removed);
      // Replaced: the new photo takes the old one's place, with new bytes.
      const replaced = [{ ...box, blob: new Blob([new Uint8Array(2)]) }];
      expect(isCurrentFile(replaced, box)).toBe(false);
      expect(withCheckAnswer(replaced, box, notes)).toBe(replaced);
      expect(replaced[0]!.notes).toEqual([]);
    });
  });
});
