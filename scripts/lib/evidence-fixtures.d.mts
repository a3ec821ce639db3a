import type { Sharp } from 'sharp';

export const GENERATED_DIR: string;
export const PHONE: Readonly<{ name: string; modelCode: string; imei1: string; imei2: string; serial: string }>;
export const STANDARD_EVIDENCE: readonly { field: 'boxPhoto' | 'receipt' | 'extra'; name: string; type: string }[];
export function ensureEvidenceFixtures(dir?: string): Promise<string>;
export function boxLabel(): Promise<Buffer>;
export function receiptPaper(width?: number, height?: number): Promise<Buffer>;
export function photographPaper(
  paper: Buffer,
  options: {
    width: number;
    height: number;
    paperWidth: number;
    left: number;
    top: number;
    tilt: number;
    base: [number, number, number];
    seed: number;
    blur?: number;
    grain?: number;
    glare?: { x: number; y: number; rx: number; ry: number } | null;
  },
): Promise<Sharp>;
