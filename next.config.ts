import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Served by `next start` behind `npm start`; nothing in the app needs Next's image optimiser.
  images: { unoptimized: true },
  poweredByHeader: false,
  serverExternalPackages: ["@prisma/client", "pg", "better-auth"],
};

export default nextConfig;
