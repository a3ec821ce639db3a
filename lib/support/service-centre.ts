/**
 * What to bring to an authorised service centre (domain notes: the phone, the box and the receipt),
 * as the result page's printable checklist lists it. Pure: the page renders each item.
 */
import { receiptZoneHoldsSaleRecord, type EvidenceCounts, type ReceiptZoneAnswers } from '@/lib/appeal/evidence-rules';

/** `result.channels.centre.item.*` keys, in the checklist's order. */
export type ServiceCentreItem = 'phone' | 'box' | 'receipt' | 'saleRecord' | 'id' | 'pdf';

/**
 * The phone, the ID and the printed PDF always; the box and the proof of purchase only when the
 * appeal has a photo of them (what it has none of, the owner most likely does not have). What is
 * under "Receipt" is named as the letter names it: a second-hand buyer's listing or chat is the
 * record of their purchase, not "the receipt or invoice" (receiptZoneHoldsSaleRecord).
 */
export function serviceCentreItems(appeal: ReceiptZoneAnswers, enclosed: EvidenceCounts): ServiceCentreItem[] {
  const items: ServiceCentreItem[] = ['phone'];
  if (enclosed.boxPhoto > 0) items.push('box');
  if (enclosed.receipt > 0) items.push(receiptZoneHoldsSaleRecord(appeal) ? 'saleRecord' : 'receipt');
  items.push('id', 'pdf');
  return items;
}
