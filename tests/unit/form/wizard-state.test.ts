import { describe, expect, it } from 'vitest';

import { emptyDraft, type EvidenceFile } from '@/lib/form/draft';
import { placeServerErrors } from '@/lib/form/server-errors';
import { FORM_STEPS } from '@/lib/form/steps';
import { followingStep, serverErrorsOf, stepAfter, stepBefore, wizardReducer, type WizardAction, type WizardState } from '@/lib/form/wizard-state';

const start = (): WizardState => ({ draft: emptyDraft(), files: [], result: null });

function run(state: WizardState, ...actions: WizardAction[]): WizardState {
  const end = actions.reduce<WizardState | null>(wizardReducer, state);
  if (!end) throw new Error('the state went missing');
  return end;
}

const file = (id: string, role: EvidenceFile['role']): EvidenceFile => ({
  id,
  role,
  name: `${id}.jpg`,
  kind: 'jpeg',
  blob: new Blob(['x']),
  originalSize: 1,
  notes: [],
  addedAt: 0,
});

describe('wizard state', () => {
  it('stays empty until the saved appeal is restored, whatever is dispatched first', () => {
    expect(wizardReducer(null, { type: 'goTo', step: 'review' })).toBeNull();
    const saved = start();
    expect(wizardReducer(null, { type: 'restore', state: saved })).toBe(saved);
  });

  it('keeps each step’s answers in its own part of the draft', () => {
    const before = start();
    const device = { ...before.draft.device, imei: '868907041234565' };
    const after = run(before, { type: 'device', device }, { type: 'recipient', recipient: 'a@b.example', edited: true });
    expect(after.draft.device).toEqual(device);
    expect(after.draft.recipient).toBe('a@b.example');
    expect(after.draft.recipientEdited).toBe(true);
    expect(after.draft.purchase).toBe(before.draft.purchase);
    expect(before.draft.device.imei).toBe('');
  });

  it('walks the steps in order and remembers the furthest one reached', () => {
    let state = run(start(), { type: 'next', from: 'device' }, { type: 'next', from: 'purchase' });
    expect(state.draft.step).toBe('evidence');
    expect(state.draft.furthest).toBe(2);
    state = run(state, { type: 'back', from: 'evidence' }, { type: 'back', from: 'purchase' }, { type: 'back', from: 'device' });
    expect(state.draft.step).toBe('device');
    expect(state.draft.furthest).toBe(2);
    state = run(state, { type: 'goTo', step: 'contact' });
    expect(state.draft.furthest).toBe(3);
  });

  it('names the neighbouring steps, the review after the last form step', () => {
    const firstVisit = { furthest: 1, serverErrors: {} };
    expect(stepAfter('purchase', firstVisit)).toBe('evidence');
    expect(stepAfter('contact', firstVisit)).toBe('review');
    expect(stepAfter('review', firstVisit)).toBe('review');
    expect(stepBefore('device')).toBe('device');
    expect(followingStep('review')).toBe('result');
    expect(followingStep('result')).toBeNull();
  });

  it('sends server errors to the first step that asks for one of the fields, and forgets a step’s once it is continued', () => {
    const placed = placeServerErrors({ contactEmail: 'Bad address', 'receipt[1]': 'Damaged file', total: 'Too big' });
    let state = run(start(), { type: 'goTo', step: 'review' }, { type: 'serverErrors', placed });
    expect(state.draft.step).toBe('evidence');
    expect(state.draft.serverErrors).toEqual({ contactEmail: 'Bad address', receipt: 'Damaged file' });
    expect(serverErrorsOf(state.draft, 'evidence')).toEqual({ receipt: 'Damaged file' });
    expect(serverErrorsOf(state.draft, 'device')).toEqual({});

    // The review was reached, but the contact step still has the server's message: it comes first.
    state = run(state, { type: 'next', from: 'evidence' });
    expect(state.draft.step).toBe('contact');
    expect(state.draft.serverErrors).toEqual({ contactEmail: 'Bad address' });
    state = run(state, { type: 'next', from: 'contact' });
    expect(state.draft.step).toBe('review');
  });

  it('once the review has been reached, Continue on an earlier step goes back to it, past the steps in between', () => {
    let state = run(start(), { type: 'goTo', step: 'review' }, { type: 'goTo', step: 'purchase' });
    expect(state.draft.furthest).toBe(FORM_STEPS.indexOf('review'));
    state = run(state, { type: 'next', from: 'purchase' });
    expect(state.draft.step).toBe('review');
    expect(stepAfter('device', state.draft)).toBe('review');
    // Before the review is reached, the steps follow in order.
    expect(run(start(), { type: 'goTo', step: 'contact' }, { type: 'back', from: 'contact' }, { type: 'next', from: 'evidence' }).draft.step).toBe('contact');
  });

  it('forgets a server message once the user changes what it was about, and only then', () => {
    const placed = placeServerErrors({ imei: 'Wrong IMEI', model: 'Too long', 'receipt[0]': 'Damaged file', evidence: 'Too large in all', receiptShows: 'Unknown fact' });
    const receipt = file('r', 'receipt');
    let state = run(start(), { type: 'files', update: () => [receipt, file('b', 'boxPhoto')] }, { type: 'serverErrors', placed });
    const device = state.draft.device;

    // Typing the same value, or another field, answers nothing.
    state = run(state, { type: 'device', device: { ...device } }, { type: 'device', device: { ...device, serialNumber: 'S1' } });
    expect(Object.keys(state.draft.serverErrors).sort()).toEqual(['evidence', 'imei', 'model', 'receipt', 'receiptShows']);
    state = run(state, { type: 'device', device: { ...state.draft.device, imei: '868907041234565' } });
    expect(state.draft.serverErrors.imei).toBeUndefined();
    expect(state.draft.serverErrors.model).toBe('Too long');

    // Notes added to a file (the label reader) change no file; removing the receipt answers its
    // message and the one about the evidence as a whole, not the box's or the checklist's.
    state = run(state, { type: 'files', update: (files) => files.map((f) => ({ ...f, notes: [{ key: 'x', tone: 'info' as const }] })) });
    expect(state.draft.serverErrors.receipt).toBe('Damaged file');
    state = run(state, { type: 'files', update: (files) => files.filter((f) => f.id !== 'r') });
    expect(state.draft.serverErrors).toEqual({ model: 'Too long', receiptShows: 'Unknown fact' });

    state = run(state, { type: 'receiptShows', receiptShows: ['date'] });
    expect(state.draft.serverErrors).toEqual({ model: 'Too long' });
  });

  it('stays put when no server error belongs to a step', () => {
    const state = run(start(), { type: 'goTo', step: 'review' });
    expect(run(state, { type: 'serverErrors', placed: placeServerErrors({ total: 'Too big' }) })).toBe(state);
  });

  it('applies file changes to the files of the moment', () => {
    const state = run(
      start(),
      { type: 'files', update: (files) => [...files, file('a', 'boxPhoto'), file('b', 'receipt')] },
      { type: 'files', update: (files) => files.filter((f) => f.id !== 'a') },
    );
    expect(state.files.map((f) => f.id)).toEqual(['b']);
  });

  it('adds the box-label photo read on the device step to the box photos, once', () => {
    const photo = { ...file('label', 'boxPhoto'), source: 'label.jpg|2388002|1700000000000', addedAt: 5 };
    const receipt = file('r', 'receipt');
    let state = run(start(), { type: 'files', update: () => [receipt] }, { type: 'labelPhoto', file: photo });
    // Box photos come first in the upload order.
    expect(state.files.map((f) => [f.id, f.role])).toEqual([
      ['label', 'boxPhoto'],
      ['r', 'receipt'],
    ]);
    // The same picked file again (read twice, or added on the Proof step already) is not doubled.
    state = run(state, { type: 'labelPhoto', file: { ...photo, id: 'label-again' } });
    expect(state.files.map((f) => f.id)).toEqual(['label', 'r']);
    // The user can remove it like any other file.
    state = run(state, { type: 'files', update: (files) => files.filter((f) => f.id !== 'label') });
    expect(state.files.map((f) => f.id)).toEqual(['r']);
  });

  it('does not add the label photo when another zone holds the same file', () => {
    const photo = { ...file('label', 'boxPhoto'), source: 'label.jpg|2388002|1700000000000' };
    const asProof = { ...file('proof', 'extra'), source: photo.source };
    const state = run(start(), { type: 'files', update: () => [asProof] }, { type: 'labelPhoto', file: photo });
    expect(state.files.map((f) => [f.id, f.role])).toEqual([['proof', 'extra']]);
  });

  it('never pushes out a box photo the user chose: at the limit the label photo is not added', () => {
    const three = ['a', 'b', 'c'].map((id) => ({ ...file(id, 'boxPhoto'), source: id }));
    const state = run(start(), { type: 'files', update: () => three }, { type: 'labelPhoto', file: { ...file('label', 'boxPhoto'), source: 'label' } });
    expect(state.files.map((f) => f.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps the PDF with the address it was made for and opens the result', () => {
    const pdf = new Blob(['%PDF-']);
    const base = run(
      start(),
      { type: 'recipient', recipient: 'service.eu@xiaomi.com', edited: false },
      { type: 'files', update: () => [file('box', 'boxPhoto'), file('chat', 'extra'), file('listing', 'extra')] },
      { type: 'goTo', step: 'review' },
    );
    const named = run(base, { type: 'pdf', pdf, fileName: 'appeal.pdf', locale: 'ru' });
    // What the PDF carries, so the e-mail's letter claims no more than the PDF's.
    const enclosed = { boxPhoto: 1, receipt: 0, extra: 2 };
    // …and the language it was sent in, for the e-mail and the reminders.
    expect(named.result).toEqual({ pdf, fileName: 'appeal.pdf', recipient: 'service.eu@xiaomi.com', enclosed, locale: 'ru' });
    expect(named.draft.step).toBe('result');
    expect(named.draft.furthest).toBe(4);
    const unnamed = run(base, { type: 'pdf', pdf, fileName: null, locale: 'en' });
    expect(unnamed.result?.fileName).toBe(`appeal-${base.draft.caseReference}.pdf`);
  });

  it('keeps the finished appeal while the answers are those it was made from, and drops it when one changes', () => {
    const receipt = file('r', 'receipt');
    const finished = run(
      start(),
      { type: 'files', update: () => [file('box', 'boxPhoto'), receipt] },
      { type: 'goTo', step: 'review' },
      { type: 'pdf', pdf: new Blob(['%PDF-']), fileName: 'appeal.pdf', locale: 'en' },
    );
    const { draft } = finished;
    // Back to the answers and through them: looking, retyping the same, the ticket noted on the
    // result page, a note added to a file: the PDF still says what the form says.
    const looked = run(
      finished,
      { type: 'goTo', step: 'review' },
      { type: 'goTo', step: 'device' },
      { type: 'device', device: { ...draft.device } },
      { type: 'recipient', recipient: draft.recipient, edited: true },
      { type: 'receiptShows', receiptShows: [...draft.receiptShows] },
      { type: 'ticket', ticket: '250101-000123' },
      { type: 'files', update: (files) => files.map((f) => ({ ...f, notes: [{ key: 'x', tone: 'info' as const }] })) },
    );
    expect(looked.result).toBe(finished.result);

    const changes: WizardAction[] = [
      { type: 'device', device: { ...draft.device, model: 'POCO X6' } },
      { type: 'purchase', purchase: { ...draft.purchase, sellerName: 'Another shop' } },
      { type: 'recipient', recipient: 'other@example.com', edited: true },
      { type: 'receiptShows', receiptShows: ['date'] },
      { type: 'contact', contact: { ...draft.contact, ownerName: 'Erika Mustermann' } },
      { type: 'files', update: (files) => files.filter((f) => f.id !== 'r') },
      { type: 'labelPhoto', file: { ...file('label', 'boxPhoto'), source: 'label' } },
    ];
    for (const change of changes) {
      const changed = run(looked, change);
      expect(changed.result, change.type).toBeNull();
      expect(changed.draft.step, change.type).toBe('device');
    }
  });
});
