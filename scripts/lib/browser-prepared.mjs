/**
 * The standard evidence set as the browser prepares it before the upload (lib/form/shrink-photo.ts:
 * upright, long edge 2000 px, baseline JPEG quality 80, no metadata; the PDF unchanged), and the
 * box-label token the evidence check hands the form while the user types.
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

/** POST /api/evidence-check for the box photo, as the form does (untimed): its labelToken. */
export async function labelTokenFor(baseUrl, files) {
  const box = files.find((file) => file.field === 'boxPhoto');
  const form = new FormData();
  form.append('boxPhoto', new Blob([box.bytes], { type: box.type }), box.name);
  const response = await fetch(`${baseUrl}/api/evidence-check`, { method: 'POST', body: form });
  const body = await response.json();
  if (!response.ok || typeof body.labelToken !== 'string') throw new Error(`evidence check: ${response.status} ${JSON.stringify(body)}`);
  return body.labelToken;
}
