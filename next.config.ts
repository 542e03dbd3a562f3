import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Served by `next start` behind `npm start`; nothing in the app needs Next's image optimiser.
  images: { unoptimized: true },
  poweredByHeader: false,
  // `npm run typecheck` (part of `npm test`) checks the whole project; the build does not repeat it,
  // which keeps the first `npm start` quicker and independent of scripts and tests.
  typescript: { ignoreBuildErrors: true },
  // exceljs writes the FSMA workbook with Node streams (archiver); jsonld and ajv check EPCIS documents:
  // loaded from node_modules as they are.
  serverExternalPackages: [
    "@prisma/client",
    "pg",
    "better-auth",
    "jsonld",
    "ajv",
    "ajv-formats",
    "exceljs",
  ],
  experimental: {
    // The proxy (proxy.ts) buffers request bodies up to this size and silently cuts the rest: above
    // an EPCIS capture's 32 MiB (lib/epcis-capture/limits.ts), which refuses larger ones itself.
    proxyClientMaxBodySize: "33mb",
  },
};

export default nextConfig;
