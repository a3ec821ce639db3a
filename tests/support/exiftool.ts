import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** What exiftool reports for every JPEG, metadata or not: file facts and the bare JFIF header. */
const STRUCTURE_GROUPS = ['SourceFile', 'ExifTool', 'System', 'File', 'JFIF', 'Composite'];

/** The groups of exiftool's `-j -G1` tags beyond a JPEG's bare structure: empty without metadata. */
export function metadataGroups(tags: Record<string, unknown>): string[] {
  const groups = new Set(Object.keys(tags).map((key) => key.split(':')[0] ?? ''));
  for (const structure of STRUCTURE_GROUPS) groups.delete(structure);
  return [...groups];
}

/**
 * The metadata groups exiftool finds in a JPEG beyond its bare structure (IFD0, GPS, XMP-dc, ICC,
 * comments…): empty for a file that carries no metadata at all. exiftool reads files only, so the
 * bytes go to a temporary file that is removed at once.
 */
export function exiftoolGroups(jpeg: Buffer): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'exiftool-'));
  try {
    const file = path.join(dir, 'image.jpg');
    writeFileSync(file, jpeg);
    const [tags] = JSON.parse(execFileSync('exiftool', ['-j', '-a', '-G1', file], { encoding: 'utf8' })) as Record<string, unknown>[];
    return metadataGroups(tags ?? {});
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
