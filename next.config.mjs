import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/**
 * Responses the proxy (proxy.ts) never sees, so they get a fixed policy here instead of a
 * per-request nonce: API JSON and PDFs, and static chunks. Nothing may load from or frame them.
 * Keep in step with the proxy's matcher: two CSP headers on one response would both apply.
 */
const NON_PAGE_PATHS = ['/api/:path*', '/_next/static/:path*', '/_next/image', '/favicon.ico'];
const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** On every response, pages and API alike. */
const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // The pages carry nothing worth leaking, but a URL is still nobody else's business.
  { key: 'Referrer-Policy', value: 'no-referrer' },
  // Camera for this origin only (the evidence step may photograph the box); the rest is denied.
  {
    key: 'Permissions-Policy',
    value:
      'camera=(self), microphone=(), geolocation=(), payment=(), usb=(), serial=(), ' +
      'hid=(), midi=(), display-capture=(), screen-wake-lock=(), accelerometer=(), gyroscope=(), ' +
      'magnetometer=(), browsing-topics=()',
  },
  // For browsers that predate CSP frame-ancestors.
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Parallel builds (tests, benchmark, load test) may each use their own output folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // The container image runs a self-contained server (<distDir>/standalone/server.js); the
  // Dockerfile and the benchmark ask for it. `npm start` serves the ordinary build, so a person
  // following the README is not told that `next start` is the wrong way to run it.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and WebAssembly modules are loaded by Node at run time rather than bundled.
  serverExternalPackages: ['sharp', 'heic-decode', 'libheif-js', 'zxing-wasm', 'busboy'],
  // Read from disk at run time (lib/server/box-label/zxing.ts), out of the tracer's sight: the standalone
  // server (the Docker image) needs it copied beside its package.
  outputFileTracingIncludes: { '/api/**': ['./node_modules/zxing-wasm/dist/reader/zxing_reader.wasm'] },
  async headers() {
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      ...NON_PAGE_PATHS.map((source) => ({
        source,
        headers: [{ key: 'Content-Security-Policy', value: NON_PAGE_CSP }],
      })),
    ];
  },
};

export default withNextIntl(nextConfig);
