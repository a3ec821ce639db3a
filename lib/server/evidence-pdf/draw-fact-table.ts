import 'server-only';

import type { EvidenceFonts } from '@/lib/server/evidence-pdf/fonts';
import type { FactRow } from '@/lib/server/evidence-pdf/fact-rows';
import { COLOR, CONTENT_WIDTH, FACT_TABLE, FONT_SIZE, LEADING, MARGIN } from '@/lib/server/evidence-pdf/geometry';
import type { PageFlow } from '@/lib/server/evidence-pdf/page-flow';
import { wrapText } from '@/lib/server/evidence-pdf/wrap-text';

const VALUE_X = MARGIN.left + FACT_TABLE.labelWidth + FACT_TABLE.columnGap;
const VALUE_WIDTH = CONTENT_WIDTH - FACT_TABLE.labelWidth - FACT_TABLE.columnGap;
const LINE = FONT_SIZE.table * LEADING;

/**
 * Label on the left, value (wrapped) on the right, a hairline between rows. A row taller than the
 * space left continues on the next page with its label repeated, so nothing is ever cut off.
 */
export function drawFactTable(flow: PageFlow, rows: readonly FactRow[], fonts: EvidenceFonts): void {
  const labelStyle = { font: fonts.bold, size: FONT_SIZE.table };
  const valueStyle = { font: fonts.regular, size: FONT_SIZE.table };
  const noteStyle = { font: fonts.regular, size: FONT_SIZE.small, color: COLOR.ok };
  const warningStyle = { font: fonts.bold, size: FONT_SIZE.small, color: COLOR.warn };

  for (const row of rows) {
    const valueLines = wrapText(row.value, fonts.regular, FONT_SIZE.table, VALUE_WIDTH);
    const noteText = row.notes?.join(' · ');
    const rowHeight = (valueLines.length + (noteText ? 1 : 0) + (row.warning ? 1 : 0)) * LINE + 2 * FACT_TABLE.rowPadding;
    // Keep short rows whole; a row longer than a page flows line by line.
    flow.ensureSpace(Math.min(rowHeight, 4 * LINE));
    flow.gap(FACT_TABLE.rowPadding);

    let labelPending = true;
    let pageOfLabel = flow.page;
    for (const [index, line] of valueLines.entries()) {
      flow.ensureSpace(LINE);
      if (flow.page !== pageOfLabel) {
        pageOfLabel = flow.page;
        labelPending = true;
      }
      if (labelPending) {
        const label = row.label + (index === 0 ? '' : ' (continued)');
        labelStyle.font.draw(flow.page, label, { x: MARGIN.left, y: flow.y - FONT_SIZE.table, size: FONT_SIZE.table, color: COLOR.text });
        labelPending = false;
      }
      flow.line(line, valueStyle, VALUE_X);
    }
    if (noteText) flow.line(noteText, noteStyle, VALUE_X);
    if (row.warning) flow.line(row.warning, warningStyle, VALUE_X);
    flow.gap(FACT_TABLE.rowPadding);
    flow.page.drawLine({
      start: { x: MARGIN.left, y: flow.y },
      end: { x: MARGIN.left + CONTENT_WIDTH, y: flow.y },
      thickness: 0.5,
      color: COLOR.rule,
    });
  }
}
