'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';

import { EVIDENCE_ROLES, MIN_EVIDENCE_FILES, receiptZoneHoldsSaleRecord, type EvidenceRole } from '@/lib/appeal/evidence-rules';
import { RECEIPT_FACTS, type ReceiptFact } from '@/lib/appeal/schema';
import { inUploadOrder, type EvidenceFile, type PurchaseValues } from '@/lib/form/draft';
import { admitEvidence, prepareEvidence, prepareOne, refusalsAfterAdding, refusalsAfterRemoving, sourceOf, withinPdfShare, type FileRejection, type HeldFile } from '@/lib/form/add-evidence';
import { Choice, Choices } from '@/app/_components/Choice';
import { ErrorSummary, type SummaryItem } from '@/app/appeal/_components/ErrorSummary';
import { EvidenceZone, type PreparingFile } from '@/app/appeal/_components/EvidenceZone';
import { PhotoGuidance } from '@/app/appeal/_components/PhotoGuidance';
import { StepActions } from '@/app/appeal/_components/StepActions';
import { Help } from '@/app/_components/Help';

import styles from './StepEvidence.module.css';

type PerRole<T> = Record<EvidenceRole, T>;
const perRole = <T,>(make: (role: EvidenceRole) => T): PerRole<T> => ({ boxPhoto: make('boxPhoto'), receipt: make('receipt'), extra: make('extra') });

export default function StepEvidence({
  files,
  receiptShows,
  purchase,
  serverErrors,
  checkOnOpen,
  onFilesChange,
  onReceiptShowsChange,
  onNext,
  onBack,
}: {
  files: EvidenceFile[];
  receiptShows: ReceiptFact[];
  /** The purchase step's answers: they say whether "Receipt" holds a receipt or a second-hand sale record. */
  purchase: PurchaseValues;
  serverErrors: Record<string, string>;
  /** The user has been past this step: it is checked as it opens, as "Continue" would. */
  checkOnOpen: boolean;
  onFilesChange: (update: (files: EvidenceFile[]) => EvidenceFile[]) => void;
  onReceiptShowsChange: (facts: ReceiptFact[]) => void;
  onNext: () => void;
  onBack: () => void;
}) {
  const t = useTranslations('form.evidence');
  const tErrors = useTranslations('errors');
  const [rejections, setRejections] = useState<PerRole<FileRejection[]>>(() => perRole(() => []));
  // The files of each zone still being checked and shrunk, each shown with its own progress line.
  const [preparing, setPreparing] = useState<PerRole<PreparingFile[]>>(() => perRole(() => []));
  const checkedOnOpen = Object.keys(serverErrors).length > 0 || (checkOnOpen && files.length < MIN_EVIDENCE_FILES);
  const [attempt, setAttempt] = useState(checkedOnOpen ? 1 : 0);
  const [checked, setChecked] = useState(checkedOnOpen);
  // Files admitted to a zone and still being checked and shrunk: the next pick's limits count them.
  const preparingFiles = useRef<HeldFile[]>([]);

  const filesOf = (role: EvidenceRole) => files.filter((file) => file.role === role);
  const anyBusy = EVIDENCE_ROLES.some((role) => preparing[role].length > 0);

  /** Lists `chosen` as being prepared; each line goes when its file is done, all when the work ends. */
  const track = async (role: EvidenceRole, chosen: readonly File[], work: (onEach: (file: File) => void) => Promise<void>) => {
    const lines = chosen.map((file) => ({ id: crypto.randomUUID(), file }));
    setPreparing((all) => ({ ...all, [role]: [...all[role], ...lines.map(({ id, file }) => ({ id, name: file.name }))] }));
    const ids = (files: readonly File[]) => new Set(lines.filter((line) => files.includes(line.file)).map((line) => line.id));
    const dropIds = (gone: Set<string>) => setPreparing((all) => ({ ...all, [role]: all[role].filter((p) => !gone.has(p.id)) }));
    try {
      await work((file) => dropIds(ids([file])));
    } finally {
      dropIds(ids(chosen));
    }
  };

  const add = (role: EvidenceRole) => (chosen: File[]) => {
    if (chosen.length === 0) return;
    // Decided at once, counting the files an earlier pick is still preparing.
    const { admitted, refused } = admitEvidence(chosen, role, [...files, ...preparingFiles.current]);
    const held = admitted.map((file): HeldFile => ({ role, source: sourceOf(file) }));
    preparingFiles.current = [...preparingFiles.current, ...held];
    // A new pick's refusals replace the zone's old ones at once; a pick still being prepared adds
    // its own when it ends, whichever of the two ends first.
    setRejections((r) => ({ ...r, [role]: refused }));
    void track(role, admitted, async (onEach) => {
      try {
        const prepared = await prepareEvidence(admitted, role, onEach);
        // PDFs share one allowance: counted against the files there were at the pick.
        const { fitting: added, refused: overShare } = withinPdfShare(files, prepared.added);
        const unusable = [...prepared.rejected, ...overShare];
        const accepted = new Set(admitted.map(sourceOf).filter((source) => !unusable.some((r) => r.source === source)));
        setRejections((r) => {
          const others = refusalsAfterAdding(r, accepted);
          return { ...others, [role]: [...others[role], ...unusable] };
        });
        if (added.length > 0) onFilesChange((current) => inUploadOrder([...current, ...added]));
      } finally {
        preparingFiles.current = preparingFiles.current.filter((file) => !held.includes(file));
      }
    });
  };

  // A server's message about a zone goes when its files change (the wizard's reducer sees to it).
  const replace = (role: EvidenceRole) => (id: string, file: File) => {
    // The new file takes the old one's place in the order.
    const addedAt = files.find((f) => f.id === id)?.addedAt ?? Date.now();
    // The same rules as a pick, among the files that stay: not the same file twice, in any zone.
    const staying = files.filter((f) => f.id !== id);
    const refuse = (refused: FileRejection[]) => setRejections((r) => ({ ...r, [role]: refused }));
    const { refused } = admitEvidence([file], role, [...staying, ...preparingFiles.current]);
    if (refused.length > 0) return refuse(refused);
    void track(role, [file], async () => {
      const prepared = await prepareOne(file, role, addedAt);
      if ('key' in prepared) return refuse([prepared]);
      const overShare = withinPdfShare(staying, [prepared]).refused;
      if (overShare.length > 0) return refuse(overShare);
      setRejections((r) => ({ ...r, [role]: [] }));
      onFilesChange((current) => current.map((f) => (f.id === id ? prepared : f)));
    });
  };

  const remove = (id: string) => {
    onFilesChange((current) => current.filter((f) => f.id !== id));
    setRejections(refusalsAfterRemoving);
  };

  // No role is required; an appeal without any file is told so in the first zone.
  const missingError = (role: EvidenceRole): string | undefined => {
    if (serverErrors[role]) return serverErrors[role];
    if (role !== EVIDENCE_ROLES[0]) return undefined;
    if (serverErrors.evidence) return serverErrors.evidence;
    return checked && files.length < MIN_EVIDENCE_FILES ? tErrors('files.missingEvidence') : undefined;
  };

  // What a receipt shows is asked only once there is one, and never of a second-hand sale record (a
  // listing, a chat): a question about a receipt that is not there would invite an answer the
  // letter must not repeat. The ticks stay in the draft meanwhile.
  const asksReceiptFacts = filesOf('receipt').length > 0 && !receiptZoneHoldsSaleRecord(purchase);
  const receiptShowsError = asksReceiptFacts ? serverErrors.receiptShows : undefined;
  const summary: SummaryItem[] = [
    ...EVIDENCE_ROLES.flatMap((role) => {
      const text = missingError(role);
      return text ? [{ fieldId: `${role}-input`, text }] : [];
    }),
    ...(receiptShowsError ? [{ fieldId: 'receiptShows', text: receiptShowsError, label: t('receiptShows.legend') }] : []),
  ];

  const toggleFact = (fact: ReceiptFact, on: boolean) =>
    onReceiptShowsChange(RECEIPT_FACTS.filter((f) => (f === fact ? on : receiptShows.includes(f))));

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        const complete = files.length >= MIN_EVIDENCE_FILES;
        if (complete && !anyBusy && summary.length === 0) onNext();
        else setAttempt((n) => n + 1);
      }}
    >
      <ErrorSummary items={summary} focusKey={attempt} />
      <p className="step-intro">{t('intro')}</p>

      <Help summary={t('guide.summary')}>
        <ul>
          <li>{t('guide.light')}</li>
          <li>{t('guide.fill')}</li>
          <li>{t('guide.sharp')}</li>
          <li>{t('guide.whole')}</li>
          <li>{t('guide.together')}</li>
        </ul>
      </Help>
      <PhotoGuidance />

      {EVIDENCE_ROLES.map((role) => (
        <EvidenceZone
          key={role}
          role={role}
          title={t(`zones.${role}.title`)}
          hint={t(`zones.${role}.hint`)}
          files={filesOf(role)}
          rejections={rejections[role]}
          error={missingError(role)}
          preparing={preparing[role]}
          onAdd={add(role)}
          onReplace={replace(role)}
          onRemove={remove}
        >
          {role === 'receipt' && asksReceiptFacts ? (
            <fieldset className={styles.receiptFacts} aria-describedby={receiptShowsError ? 'receiptShows-error' : undefined}>
              <legend>{t('receiptShows.legend')}</legend>
              <p className="hint">{t('receiptShows.hint')}</p>
              {receiptShowsError ? (
                <p className="field-error" id="receiptShows-error">
                  {receiptShowsError}
                </p>
              ) : null}
              <Choices columns>
                {RECEIPT_FACTS.map((fact, index) => (
                  <Choice key={fact}
                    // The error summary's link lands on the first box.
                    id={index === 0 ? 'receiptShows' : undefined}
                    type="checkbox"
                    checked={receiptShows.includes(fact)}
                    onChange={(event) => toggleFact(fact, event.target.checked)}
                  >
                    {t(`receiptShows.${fact}`)}
                  </Choice>
                ))}
              </Choices>
            </fieldset>
          ) : null}
        </EvidenceZone>
      ))}

      <StepActions onBack={onBack} />
    </form>
  );
}
