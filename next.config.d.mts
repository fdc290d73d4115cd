// Types for what tests read from next.config.mjs (the project does not type-check JavaScript).
export declare const movedAccountPages: readonly { from: string; to: string }[];
declare const nextConfig: { redirects(): Promise<{ source: string; destination: string; permanent: boolean }[]> };
export default nextConfig;
