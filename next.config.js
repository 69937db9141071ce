/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Loaded from node_modules at run time rather than bundled: PGlite ships its own WebAssembly
  // and data files, which must stay beside its code.
  serverExternalPackages: ["@electric-sql/pglite", "pino"],
};

export default nextConfig;
