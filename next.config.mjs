import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and WebAssembly modules are loaded by Node at run time rather than bundled.
  serverExternalPackages: ['sharp', 'heic-decode', 'libheif-js', 'zxing-wasm', 'busboy'],
};

export default withNextIntl(nextConfig);
