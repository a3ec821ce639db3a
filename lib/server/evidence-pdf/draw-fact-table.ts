import 'server-only';

import type { EvidenceFonts } from '@/lib/server/evidence-pdf/fonts';
import type { FactRow } from '@/lib/server/evidence-pdf/fact-rows';
import { COLOR, CONTENT_WIDTH, FACT_TABLE, FONT_SIZE, LEADING, MARGIN } from '@/lib/server/evidence-pdf/geometry';
import type { PageFlow, TextStyle } from '@/lib/server/evidence-pdf/page-flow';
import { normalizeForPdf, wrapText } from '@/lib/server/evidence-pdf/wrap-text';

const VALUE_X = MARGIN.left + FACT_TABLE.labelWidth + FACT_TABLE.columnGap;
const VALUE_WIDTH = CONTENT_WIDTH - FACT_TABLE.labelWidth - FACT_TABLE.columnGap;
const LINE = FONT_SIZE.table * LEADING;

type Line = { text: string; style: TextStyle };

const wrapped = (text: string, style: TextStyle, width: number): Line[] =>
  wrapText(normalizeForPdf(text), style.font, style.size, width).map((line) => ({ text: line, style }));

/**
 * Label on the left (in the letter's languages: the first in bold, a translation below it in grey),
 * value, note and warning (wrapped, a line per language) on the right, a hairline between rows. A row taller than the
 * space left continues on the next page with its label repeated, so nothing is ever cut off.
 */
export function drawFactTable(flow: PageFlow, rows: readonly FactRow[], fonts: EvidenceFonts): void {
  const labelStyle = { font: fonts.bold, size: FONT_SIZE.table, color: COLOR.text };
  const translatedLabelStyle = { font: fonts.regular, size: FONT_SIZE.table, color: COLOR.muted };
  const valueStyle = { font: fonts.regular, size: FONT_SIZE.table };
  const noteStyle = { font: fonts.regular, size: FONT_SIZE.small, color: COLOR.ok };
  const warningStyle = { font: fonts.bold, size: FONT_SIZE.small, color: COLOR.warn };

  for (const row of rows) {
    const left = row.label.flatMap((label, index) => wrapped(label, index === 0 ? labelStyle : translatedLabelStyle, FACT_TABLE.labelWidth));
    const right = [
      ...wrapped(row.value, valueStyle, VALUE_WIDTH),
      ...(row.note ? wrapped(row.note, noteStyle, VALUE_WIDTH) : []),
      ...(row.warning ? wrapped(row.warning, warningStyle, VALUE_WIDTH) : []),
    ];
    const count = Math.max(left.length, right.length);
    // Keep short rows whole; a row longer than a page flows line by line.
    flow.ensureSpace(Math.min(count * LINE + 2 * FACT_TABLE.rowPadding, 4 * LINE));
    flow.gap(FACT_TABLE.rowPadding);

    const firstPage = flow.page;
    let continuedOn = firstPage;
    for (let index = 0; index < count; index += 1) {
      const value = right[index];
      flow.ensureSpace(value ? value.style.size * LEADING : LINE);
      let label: Line | undefined = flow.page === firstPage ? left[index] : undefined;
      if (flow.page !== continuedOn) {
        continuedOn = flow.page;
        label = { text: `${row.label[0] ?? ''} (continued)`, style: labelStyle };
      }
      if (label) label.style.font.draw(flow.page, label.text, { x: MARGIN.left, y: flow.y - FONT_SIZE.table, size: FONT_SIZE.table, color: label.style.color ?? COLOR.text });
      if (value) flow.line(value.text, value.style, VALUE_X);
      else flow.gap(LINE);
    }
    flow.gap(FACT_TABLE.rowPadding);
    flow.page.drawLine({
      start: { x: MARGIN.left, y: flow.y },
      end: { x: MARGIN.left + CONTENT_WIDTH, y: flow.y },
      thickness: 0.5,
      color: COLOR.rule,
    });
  }
}
