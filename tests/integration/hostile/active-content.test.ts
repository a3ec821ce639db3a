/**
 * A PDF receipt is copied into the bundle as page pictures only: whatever else it carries
 * (scripts, actions, embedded files, metadata) stays behind. Mail gateways quarantine a PDF with
 * JavaScript, and the bundle must not run or carry anything the user did not see.
 */
import { describe, expect, it } from 'vitest';

import { pdfStream, oneReceiptPage } from '../../support/hand-pdf';
import { ACTIVE_CONTENT_MARKERS, activeContentPdf } from '../../support/hostile-files';
import { expectBundle, postForm, standardUploads, validFields } from './appeal-client';
import { pdfText, qdfText } from './pdf-inspect';

describe('a receipt PDF with active content', () => {
  it('is proven hostile: qpdf finds every marker in the upload itself', async () => {
    const upload = await qdfText(await activeContentPdf());
    for (const marker of ['/JavaScript', '/OpenAction', '/Launch', '/EmbeddedFile', '/AA', '/Metadata', ACTIVE_CONTENT_MARKERS.xmpCreator, ACTIVE_CONTENT_MARKERS.embeddedBytes]) {
      expect(upload).toContain(marker);
    }
  });

  it('joins the bundle as its visible page only: no script, action, embedded file, annotation or metadata', async () => {
    const uploads = [standardUploads()[0]!, { role: 'receipt' as const, name: 'receipt-active.pdf', bytes: await activeContentPdf(), type: 'application/pdf' }];
    const answer = await postForm(validFields(), uploads);
    await expectBundle(answer);
    const bundle = new Uint8Array(await answer.response.arrayBuffer());
    const qdf = await qdfText(bundle);
    for (const forbidden of ['/JavaScript', '/JS', '/OpenAction', '/Launch', '/EmbeddedFile', '/Filespec', '/AA', '/Type /Annot', '/Subtype /Link', '/Metadata', '/Catalog /', ...Object.values(ACTIVE_CONTENT_MARKERS).slice(0, 4)]) {
      expect(qdf, forbidden).not.toContain(forbidden);
    }
    // One catalog (the bundle's own), and the receipt's page is still there to read.
    expect(qdf.match(/\/Type \/Catalog/g)).toHaveLength(1);
    expect(await pdfText(bundle)).toContain(ACTIVE_CONTENT_MARKERS.pageText);
  });

  // What pdf-lib's embedding takes from a page is its content and resources, not the dictionary
  // around the content or the page's /Group: pinned here, as the stripping does not touch them.
  it('leaves behind what hangs off its content stream and transparency group: metadata, a way back into its page tree', async () => {
    // Object 5 draws the page; its dictionary points at the XMP (6) and back at the page tree (2).
    const content = pdfStream('0 0 m 200 300 l S', '/Metadata 6 0 R /Parent 2 0 R ');
    const xmp = pdfStream('<x:xmpmeta><dc:creator>Ivan Petrov, receipt-author</dc:creator></x:xmpmeta>', '/Type /Metadata /Subtype /XML ');
    const withContentKeys = oneReceiptPage({
      page: '/MediaBox [0 0 300 400] /Contents 5 0 R /Resources << >> /Group << /S /Transparency /Metadata 6 0 R >>',
      extra: [content, xmp],
    });
    expect(await qdfText(withContentKeys)).toContain('receipt-author');
    const answer = await postForm(validFields(), [standardUploads()[0]!, { role: 'receipt' as const, name: 'receipt-xmp.pdf', bytes: withContentKeys, type: 'application/pdf' }]);
    await expectBundle(answer);
    const qdf = await qdfText(new Uint8Array(await answer.response.arrayBuffer()));
    expect(qdf).not.toContain('receipt-author');
    expect(qdf).not.toContain('/Metadata');
  });
});
