/**
 * Runs once when a server instance starts. The Node-only work lives in lib/startup.ts so the
 * Edge compilation of this file stays clean.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startInstance } = await import("./lib/startup");
    await startInstance();
  }
}
