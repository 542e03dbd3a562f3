import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Served by `next start` behind `npm start`; nothing in the app needs Next's image optimiser.
  images: { unoptimized: true },
  poweredByHeader: false,
  // `npm run typecheck` (part of `npm test`) checks the whole project; the build does not repeat it,
  // which keeps the first `npm start` quicker and independent of scripts and tests.
  typescript: { ignoreBuildErrors: true },
  // exceljs writes the FSMA workbook with Node streams (archiver): loaded from node_modules as it is.
  serverExternalPackages: ["@prisma/client", "pg", "better-auth", "exceljs"],
};

export default nextConfig;
