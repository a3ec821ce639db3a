/**
 * Global setup of Vitest and Playwright alike: make the evidence fixtures before any test reads
 * them (a no-op when tests/fixtures/generated/ is current). Imported dynamically: Playwright
 * compiles this file to CommonJS, and the generator is an ES module.
 */
export default async function generateFixtures(): Promise<void> {
  const { ensureEvidenceFixtures } = await import('../../scripts/lib/evidence-fixtures.mjs');
  await ensureEvidenceFixtures();
}
