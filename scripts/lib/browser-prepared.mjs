/**
 * The standard evidence set as the browser prepares it before the upload (lib/form/shrink-photo.ts:
 * upright, long edge 2000 px, baseline JPEG quality 80, no metadata; the PDF unchanged), and the
 * tokens the evidence check hands the form for its photos while the user types.
 */
import sharp from 'sharp';

export async function browserPrepared(files) {
  return Promise.all(
    files.map(async (file) => {
      if (file.type === 'application/pdf') return file;
      const bytes = await sharp(file.bytes)
        .autoOrient()
        .resize({ width: 2000, height: 2000, fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 80, progressive: false, chromaSubsampling: '4:2:0', mozjpeg: false, optimiseCoding: false })
        .toBuffer();
      return { ...file, name: file.name.replace(/\.\w+$/, '.jpg'), type: 'image/jpeg', bytes };
    }),
  );
}

/**
 * POST /api/evidence-check for each box and receipt photo, one after the other, as the form does
 * (untimed): their labelTokens, space-separated, as the appeal's `labelTokens` field takes them.
 */
export async function labelTokensFor(baseUrl, files) {
  const tokens = [];
  for (const file of files.filter((f) => (f.field === 'boxPhoto' || f.field === 'receipt') && f.type.startsWith('image/'))) {
    const form = new FormData();
    form.append(file.field, new Blob([file.bytes], { type: file.type }), file.name);
    const response = await fetch(`${baseUrl}/api/evidence-check`, { method: 'POST', body: form });
    const body = await response.json();
    if (!response.ok || typeof body.labelToken !== 'string') throw new Error(`evidence check of ${file.name}: ${response.status} ${JSON.stringify(body)}`);
    tokens.push(body.labelToken);
  }
  return tokens.join(' ');
}
