import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { CASE_REFERENCE_PATTERN } from '@/lib/appeal/schema';
import { appealTextFields, buildAppealFormData, parseDraftAppeal, uploadBytes } from '@/lib/form/appeal-payload';
import { generateCaseReference } from '@/lib/form/case-reference';
import { APPEAL_TEXT_FIELDS } from '@/lib/appeal/field-names';
import { applyTriage, emptyDraft, reviveDraft, reviveFiles, reviveResult, type AppealDraft, type EvidenceFile } from '@/lib/form/draft';
import { asciiFileName, bytesToBase64 } from '@/lib/form/eml';
import { isPlausibleEmail } from '@/lib/form/email-address';
import { checkEvidenceFile, MAX_SHRINKABLE_PHOTO_BYTES } from '@/lib/form/file-kind';
import { groupImeiDigits, imeiDigitGroups } from '@/lib/form/imei-display';
import { placeServerErrors, parseServerError } from '@/lib/form/server-errors';
import { incompleteSteps } from '@/lib/form/step-problems';
import { parseTriage } from '@/lib/form/triage';
import { fileNameFromDisposition, unexplainedFailure } from '@/lib/form/upload';
import { fixturePath } from '../../support/fixtures';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('case reference', () => {
  it('has the schema’s shape and avoids look-alike characters', () => {
    for (let i = 0; i < 200; i++) {
      const reference = generateCaseReference();
      expect(reference).toMatch(CASE_REFERENCE_PATTERN);
      expect(reference.slice(3)).not.toMatch(/[01IO]/);
    }
  });

  it('uses every random byte, so two appeals differ', () => {
    expect(generateCaseReference(() => bytes(0, 1, 2, 3, 4, 5, 6, 7))).toBe('AK-ABCD-EFGH');
    expect(generateCaseReference(() => bytes(31, 31, 31, 31, 0, 0, 0, 0))).toBe('AK-9999-AAAA');
  });
});

describe('file kind sniffing', () => {
  it('refuses the HTML fixture named .jpg and a PDF as a box photo, accepts the real fixtures', async () => {
    const file = (name: string) => new Blob([readFileSync(fixturePath(name))]);
    expect(await checkEvidenceFile(file('not-an-image.jpg'), 'boxPhoto')).toEqual({ ok: false, problem: 'notAccepted' });
    expect(await checkEvidenceFile(file('e-receipt.pdf'), 'boxPhoto')).toEqual({ ok: false, problem: 'pdfNotHere' });
    expect(await checkEvidenceFile(file('e-receipt.pdf'), 'receipt')).toEqual({ ok: true, kind: 'pdf' });
    expect(await checkEvidenceFile(file('order-screenshot.png'), 'extra')).toEqual({ ok: true, kind: 'png' });
    expect(await checkEvidenceFile(file('box-label-12mp.jpg'), 'boxPhoto')).toEqual({ ok: true, kind: 'jpeg' });
    expect(await checkEvidenceFile(new Blob([]), 'receipt')).toEqual({ ok: false, problem: 'empty' });
  });

  it('lets a photo over the upload limit through to be shrunk, but no PDF or HEIC, and nothing absurd', async () => {
    const MB = 1024 * 1024;
    // The fixture's own head (what is sniffed) followed by padding to the size.
    const padded = (name: string, bytes: number) => new Blob([readFileSync(fixturePath(name)), new Uint8Array(bytes)]);
    expect(await checkEvidenceFile(padded('box-label-12mp.jpg', 30 * MB), 'boxPhoto')).toEqual({ ok: true, kind: 'jpeg' });
    expect(await checkEvidenceFile(padded('order-screenshot.png', 30 * MB), 'extra')).toEqual({ ok: true, kind: 'png' });
    expect(await checkEvidenceFile(padded('e-receipt.pdf', 30 * MB), 'receipt')).toEqual({ ok: false, problem: 'tooLarge' });
    expect(await checkEvidenceFile(padded('box-label-12mp.jpg', MAX_SHRINKABLE_PHOTO_BYTES), 'boxPhoto')).toEqual({ ok: false, problem: 'tooLarge' });
  });
});

describe('server errors back to their steps', () => {
  it('groups fields by step and starts at the earliest', () => {
    const placed = placeServerErrors({ contactEmail: 'bad e-mail', 'receipt[1]': 'unreadable', imei: 'bad imei', mystery: 'odd' });
    expect(placed.firstStep).toBe('device');
    expect(placed.byStep).toEqual({ device: { imei: 'bad imei' }, evidence: { receipt: 'unreadable' }, contact: { contactEmail: 'bad e-mail' } });
    expect(placed.unplaced).toEqual(['odd']);
  });

  it('reads the contract’s JSON and tolerates anything else', () => {
    expect(parseServerError({ error: { code: 'x', message: 'm', fields: { a: 'b', n: 1 } } })).toEqual({ code: 'x', message: 'm', fields: { a: 'b' } });
    expect(parseServerError({ error: 'nope' })).toBeNull();
    expect(parseServerError(null)).toBeNull();
  });
});

describe('answers without an explanation from the app', () => {
  it('says to wait only where waiting helps, and names a sign-in page that answered instead', () => {
    expect(unexplainedFailure(503)).toBe('busy');
    expect(unexplainedFailure(429)).toBe('busy');
    // A proxy's smaller upload limit: the same upload would be refused again.
    expect(unexplainedFailure(413)).toBe('tooLarge');
    // A Wi-Fi sign-in page answering 200 with HTML, or a redirect followed to one.
    expect(unexplainedFailure(200)).toBe('notFromServer');
    expect(unexplainedFailure(302)).toBe('notFromServer');
    expect(unexplainedFailure(500)).toBe('failed');
    expect(unexplainedFailure(502)).toBe('failed');
  });
});

describe('download names', () => {
  it('prefers filename*, strips separators and control characters', () => {
    expect(fileNameFromDisposition(`attachment; filename="appeal.pdf"; filename*=UTF-8''%D0%B0%D0%BF%D0%B5%D0%BB.pdf`)).toBe('апел.pdf');
    expect(fileNameFromDisposition('attachment; filename="a/b\\c\r\n.pdf"')).toBe('abc.pdf');
    expect(fileNameFromDisposition(null)).toBeNull();
  });

  it('keeps .eml attachment names to safe ASCII', () => {
    expect(asciiFileName('mi-account-appeal-868907041234565.pdf')).toBe('mi-account-appeal-868907041234565.pdf');
    expect(asciiFileName('обращение "1"\r\nBcc: x.pdf')).toBe('1_Bcc_x.pdf');
    expect(asciiFileName('\r\n')).toBe('appeal.pdf');
  });

  it('encodes bytes as base64 like Node does, across chunk boundaries', () => {
    const data = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    expect(bytesToBase64(data)).toBe(Buffer.from(data).toString('base64'));
  });
});

describe('small checks', () => {
  it('groups IMEI digits as on the label, also while typing', () => {
    expect(imeiDigitGroups('86 890704 1234565')).toEqual(['86', '890704', '123456', '5']);
    expect(groupImeiDigits('868907041234565')).toBe('86 890704 123456 5');
    expect(groupImeiDigits('86-8907')).toBe('86 8907');
    expect(groupImeiDigits('8612340567890107')).toBe('86 123405 678901 07');
  });

  it('accepts one plausible recipient address, nothing that would add recipients', () => {
    expect(isPlausibleEmail('service.ru@xiaomi.com')).toBe(true);
    for (const bad of ['', 'service', 'a@b', 'a@b.com,c@d.com', 'a b@c.com', 'a@b.com?cc=x@y.com'.replace('?', ';')]) {
      expect(isPlausibleEmail(bad), bad).toBe(false);
    }
  });
});

describe('draft', () => {
  function filledDraft(): AppealDraft {
    const draft = emptyDraft();
    return {
      ...draft,
      device: { ...draft.device, imei: '86 890704 123456 5' },
      purchase: { ...draft.purchase, country: 'RU', purchaseChannel: 'mi-store', purchaseDate: '2025-03-14' },
      recipient: 'service.ru@xiaomi.com',
      receiptShows: ['date', 'imei'],
      contact: { ...draft.contact, ownerName: 'Иван Петров', contactEmail: 'ivan@example.com' },
    };
  }
  const file = (role: EvidenceFile['role'], size: number, originalSize: number): EvidenceFile => ({
    id: role,
    role,
    name: `${role}.jpg`,
    kind: 'jpeg',
    blob: new Blob([new Uint8Array(size)]),
    originalSize,
    addedAt: 0,
    notes: [],
  });

  it('revives old or broken saves without crashing', () => {
    expect(reviveDraft(undefined).step).toBe('device');
    expect(reviveDraft({ version: 2 }).device.imei).toBe('');
    const revived = reviveDraft({ version: 1, device: { imei: '1' }, caseReference: 'AK-AAAA-BBBB' });
    expect(revived.device).toEqual({ imei: '1', imei2: '', lockCode: '', serialNumber: '', model: '' });
    expect(revived.caseReference).toBe('AK-AAAA-BBBB');
    expect(reviveDraft({ version: 1, step: 'contact' }).step).toBe('contact');
    expect(reviveDraft({ version: 1, step: 'payment' }).step).toBe('device');
    expect(reviveDraft({ version: 1, step: 42 }).step).toBe('device');
  });

  it('gives files and a finished appeal saved by an older build what was added since', () => {
    const older = { id: 'r', role: 'receipt', name: 'receipt.jpg', kind: 'jpeg', blob: new Blob([]), originalSize: 10 };
    const files = reviveFiles([older, file('boxPhoto', 10, 10), file('receipt', 10, 10)]);
    expect(files[0]).toMatchObject({ role: 'receipt', notes: [], addedAt: 0 });
    expect(reviveFiles(undefined)).toEqual([]);
    expect(reviveFiles({ receipt: older })).toEqual([]);

    const pdf = new Blob(['%PDF-1.7']);
    const saved = { pdf, fileName: 'appeal.pdf', recipient: 'service.ru@xiaomi.com' };
    // Without `enclosed` the letter would not know what the PDF carries: it is counted from the files.
    expect(reviveResult(saved, files)?.enclosed).toEqual({ boxPhoto: 1, receipt: 2, extra: 0 });
    const enclosed = { boxPhoto: 0, receipt: 1, extra: 0 };
    expect(reviveResult({ ...saved, enclosed }, files)?.enclosed).toBe(enclosed);
    expect(reviveResult(undefined, files)).toBeNull();
  });

  it('restores only the fields a step asks for, and only text', () => {
    const revived = reviveDraft({
      version: 1,
      device: { imei: 42, model: 'Redmi Note 13', shoeSize: '44' },
      purchase: null,
      contact: { ownerName: ['Ivan'], notes: 'hello' },
    });
    expect(revived.device).toEqual({ imei: '', imei2: '', lockCode: '', serialNumber: '', model: 'Redmi Note 13' });
    expect(Object.values(revived.purchase).every((value) => value === '')).toBe(true);
    expect(revived.contact).toMatchObject({ ownerName: '', notes: 'hello' });
  });

  it('places every field the contract names on the step that asks for it', () => {
    // The locale and the case reference are not typed by the user; accountOwner and triedFirst are answered on the start page.
    const notOnAStep = new Set(['locale', 'caseReference', 'accountOwner', 'triedFirst']);
    const fields = Object.fromEntries(APPEAL_TEXT_FIELDS.filter((f) => !notOnAStep.has(f)).map((f) => [f, 'x']));
    const placed = placeServerErrors({ ...fields, boxPhoto: 'x', 'receipt[1]': 'x', extra: 'x', evidence: 'x' });
    expect(placed.unplaced).toEqual([]);
    expect(Object.keys(placed.byStep.device ?? {})).toEqual(['imei', 'imei2', 'lockCode', 'serialNumber', 'model']);
    expect(placed.byStep.purchase).toHaveProperty('purchaseChannel');
    expect(placed.byStep.purchase).toHaveProperty('firstBuyerReceipt');
    expect(placed.byStep.contact).toHaveProperty('notes');
    expect(placed.byStep.contact).toHaveProperty('accountHint');
    expect(Object.keys(placed.byStep.evidence ?? {}).sort()).toEqual(['boxPhoto', 'evidence', 'extra', 'receipt', 'receiptShows']);
  });

  it('sends every contract field, the locale and the files under their roles', async () => {
    const draft = filledDraft();
    const files = [file('boxPhoto', 10, 100), file('receipt', 20, 200)];
    expect(appealTextFields(draft, 'ru')).toMatchObject({ receiptShows: 'date,imei', locale: 'ru', caseReference: draft.caseReference });
    const body = buildAppealFormData(draft, files, 'ru');
    expect(body.get('imei')).toBe('86 890704 123456 5');
    expect(body.get('locale')).toBe('ru');
    expect(body.has('imei2')).toBe(false);
    expect(((body.get('receipt') as File).name)).toBe('receipt.jpg');
    expect((await (body.get('boxPhoto') as File).arrayBuffer()).byteLength).toBe(10);
    expect(uploadBytes(files)).toEqual({ sent: 30, original: 300 });
    expect(parseDraftAppeal(draft, 'ru')?.imei).toBe('868907041234565');
  });

  it('sends the start page’s answer about whose account it is, which the letter names', () => {
    const mine = applyTriage(filledDraft(), { whose: 'mine', triedFirst: 'password-reset', accountHint: '' });
    expect(buildAppealFormData(mine, [file('boxPhoto', 1, 1)], 'en').get('accountOwner')).toBe('mine');
    expect(parseDraftAppeal(mine, 'en')).toMatchObject({ accountOwner: 'mine', triedFirst: 'password-reset' });
    const previous = applyTriage(filledDraft(), { whose: 'previous-owner', triedFirst: '', accountHint: '' });
    expect(parseDraftAppeal(previous, 'en')?.accountOwner).toBe('previous-owner');
    // The start page skipped: nothing is sent, and the letter words the account so that it is true either way.
    expect(buildAppealFormData(filledDraft(), [file('boxPhoto', 1, 1)], 'en').has('accountOwner')).toBe(false);
    expect(parseDraftAppeal(filledDraft(), 'en')?.accountOwner).toBe('');
  });

  it('sends back the evidence check’s token of every checked photo, box and receipt alike', () => {
    const files = [{ ...file('boxPhoto', 1, 1), labelToken: 'v1.868907041234565.box' }, { ...file('receipt', 1, 1), labelToken: 'v1..receipt' }, file('receipt', 1, 1)];
    expect(buildAppealFormData(filledDraft(), files, 'en').get('labelTokens')).toBe('v1.868907041234565.box v1..receipt');
    expect(buildAppealFormData(filledDraft(), [file('boxPhoto', 1, 1)], 'en').has('labelTokens')).toBe(false);
  });

  it('sends what the receipt shows only with a receipt, and keeps the ticks in the draft for one added again', () => {
    const draft = filledDraft();
    const withReceipt = buildAppealFormData(draft, [file('boxPhoto', 1, 1), file('receipt', 1, 1)], 'en');
    expect(withReceipt.get('receiptShows')).toBe('date,imei');
    // The receipt removed: a box photo and a lock screen describe no receipt.
    const withoutReceipt = buildAppealFormData(draft, [file('boxPhoto', 1, 1), file('extra', 1, 1)], 'en');
    expect(withoutReceipt.has('receiptShows')).toBe(false);
    expect(draft.receiptShows).toEqual(['date', 'imei']);
  });

  it('uploads the files by role, then in the order the user chose them, whatever order shrinking finished in', async () => {
    const named = (role: EvidenceFile['role'], name: string, addedAt: number): EvidenceFile => ({ ...file(role, 1, 1), id: name, name, addedAt });
    // As the evidence step holds them when the screenshot and the second box photo finished first.
    const files = [
      named('extra', 'lock-screen.jpg', 3000),
      named('receipt', 'screenshot.jpg', 2000),
      named('boxPhoto', 'box-2.jpg', 4000),
      named('boxPhoto', 'box-1.jpg', 1000),
      named('receipt', 'till.jpg', 2000),
    ];
    const body = buildAppealFormData(filledDraft(), files, 'en');
    const sent = [...body.entries()].flatMap(([field, value]) => (value instanceof File ? [`${field}:${value.name}`] : []));
    expect(sent).toEqual(['boxPhoto:box-1.jpg', 'boxPhoto:box-2.jpg', 'receipt:screenshot.jpg', 'receipt:till.jpg', 'extra:lock-screen.jpg']);
  });

  it('names the steps that still need work', () => {
    const draft = filledDraft();
    expect(incompleteSteps(draft, [])).toEqual(['evidence']);
    expect(incompleteSteps(draft, [file('boxPhoto', 1, 1), file('receipt', 1, 1)])).toEqual([]);
    // Any one file in any role is enough to send.
    expect(incompleteSteps(draft, [file('extra', 1, 1)])).toEqual([]);
    expect(incompleteSteps(draft, [file('receipt', 1, 1)])).toEqual([]);
    expect(incompleteSteps({ ...draft, recipient: 'nobody' }, [file('boxPhoto', 1, 1), file('receipt', 1, 1)])).toEqual(['purchase']);
    expect(incompleteSteps(emptyDraft(), [])).toEqual(['device', 'purchase', 'evidence', 'contact']);
  });
});

describe('applyTriage', () => {
  it('picks second-hand for a previous owner’s phone, unless a channel is already chosen, and takes the hint', () => {
    const draft = applyTriage(emptyDraft(), { whose: 'previous-owner', triedFirst: 'seller', accountHint: 'a***@gmail.com' });
    expect(draft.purchase.purchaseChannel).toBe('second-hand');
    expect(draft.contact.accountHint).toBe('a***@gmail.com');
    expect(draft.triage).toEqual({ whose: 'previous-owner', triedFirst: 'seller' });
    const chosen = { ...emptyDraft(), purchase: { ...emptyDraft().purchase, purchaseChannel: 'mi-store' } };
    expect(applyTriage(chosen, { whose: 'previous-owner', triedFirst: '', accountHint: '' }).purchase.purchaseChannel).toBe('mi-store');
  });

  it('carries a hint the start page refused to the contact step, rather than dropping it without a word', () => {
    // The start page hands over what was typed; the contact step shows the same rule's message.
    const handedOver = parseTriage({ whose: 'mine', triedFirst: '', accountHint: ' 221<b>***878 ' });
    expect(handedOver.accountHint).toBe('221<b>***878');
    expect(applyTriage(emptyDraft(), handedOver).contact.accountHint).toBe('221<b>***878');
    expect(parseTriage({ whose: 'mine', accountHint: 42 }).accountHint).toBe('');
  });

  it('keeps what was tried first when the same owner looks at the start page again, not when the owner changes', () => {
    const tried = applyTriage(emptyDraft(), { whose: 'mine', triedFirst: 'password-reset', accountHint: '' });
    expect(applyTriage(tried, { whose: 'mine', triedFirst: '', accountHint: '' }).triage.triedFirst).toBe('password-reset');
    expect(applyTriage(tried, { whose: 'previous-owner', triedFirst: '', accountHint: '' }).triage.triedFirst).toBe('');
    expect(applyTriage(tried, { whose: 'previous-owner', triedFirst: 'seller', accountHint: '' }).triage.triedFirst).toBe('seller');
  });
});
