import 'server-only';

import { isPdfEvidence, kindLabel, type EvidenceItem } from '@/lib/server/evidence-pdf/evidence-items';
import type { EvidenceFonts } from '@/lib/server/evidence-pdf/fonts';
import { COLOR, FONT_SIZE, LEADING, MARGIN } from '@/lib/server/evidence-pdf/geometry';
import type { PageFlow } from '@/lib/server/evidence-pdf/page-flow';

const INDENT = 14;

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function describeContent(item: EvidenceItem): string {
  if (isPdfEvidence(item)) {
    const pages = item.receipt.pageCount;
    return `${pages} ${pages === 1 ? 'page' : 'pages'}`;
  }
  return `${item.image.sourceWidth} × ${item.image.sourceHeight} px`;
}

/**
 * One block per original file: caption and name, then type, size and content, then the SHA-256
 * of the uploaded bytes (images inside this PDF are re-encoded; the hash is of what was sent).
 */
export function drawEvidenceIndex(flow: PageFlow, items: readonly EvidenceItem[], fonts: EvidenceFonts): void {
  const blockHeight = 3 * FONT_SIZE.table * LEADING + 6;
  for (const item of items) {
    flow.ensureSpace(blockHeight);
    flow.paragraph(`${item.caption}: ${item.fileName}`, { font: fonts.bold, size: FONT_SIZE.table });
    flow.line(`${kindLabel(item.fileName, item.kind)} · ${describeContent(item)} · ${formatBytes(item.byteLength)}`, { font: fonts.regular, size: FONT_SIZE.table }, MARGIN.left + INDENT);
    flow.line(`SHA-256 ${item.sha256}`, { font: fonts.regular, size: FONT_SIZE.small, color: COLOR.muted }, MARGIN.left + INDENT);
    flow.gap(6);
  }
}
