import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Parallel builds (tests, benchmark, load test) may each use their own output folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and WebAssembly modules are loaded by Node at run time rather than bundled.
  serverExternalPackages: ['sharp', 'heic-decode', 'libheif-js', 'zxing-wasm', 'busboy'],
};

export default withNextIntl(nextConfig);
